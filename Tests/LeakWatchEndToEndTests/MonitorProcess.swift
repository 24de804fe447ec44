import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LeakWatchIngest

/// A `leakwatch monitor` daemon started by a test: stdout and stderr go to files, signals are sent by pid.
final class MonitorProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    init(
        binary: LeakWatchBinary, config: String, scratch: ScratchDirectory, run: Int, extra: [String] = [],
        environment: [String: String] = [:]
    ) throws {
        stdoutPath = scratch.file("monitor-\(run).out")
        stderrPath = scratch.file("monitor-\(run).err")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = binary.url
        process.arguments = ["monitor", "--config", config, "--workers", "2"] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits up to `seconds` for the process to end; returns its exit status, or nil if it is still running.
    func waitForExit(seconds: Double = 60) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { return nil }
        return process.terminationStatus
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits until `condition` holds (checked every 50 ms), for at most `seconds`.
    static func waitUntil(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}

/// The sections of a monitor checkpoint file.
func checkpointSections(_ path: String) throws -> [String: [UInt8]] {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    return try CheckpointFile(decoding: bytes, path: path).sections
}

/// Appends `bytes` to `path` (created if missing).
func append(_ bytes: some Collection<UInt8>, to path: String) throws {
    if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
}

/// `GET http://127.0.0.1:<port><path>`: the status and body, or nil when nothing answers.
func httpGet(port: Int, path: String) -> (status: Int, body: String)? {
    // Safe: `value` is written once by the completion handler before `done.signal()` and read after `done.wait()`.
    final class Box: @unchecked Sendable { var value: (Int, String)? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.timeoutInterval = 5
    URLSession.shared.dataTask(with: request) { data, response, _ in
        if let response = response as? HTTPURLResponse {
            box.value = (response.statusCode, String(decoding: data ?? Data(), as: UTF8.self))
        }
        done.signal()
    }.resume()
    done.wait()
    return box.value
}

/// A TCP port nothing listens on now (the kernel's pick for an ephemeral bind, released at once).
func freePort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The value of an unlabelled metric in a Prometheus text exposition.
func metricValue(_ name: String, in text: String) -> Double? {
    for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
        return Double(line.dropFirst(name.count + 1))
    }
    return nil
}
