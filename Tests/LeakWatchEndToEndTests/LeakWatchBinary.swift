import Foundation

/// Runs the built `leakwatch` executable, as a user would.
struct LeakWatchBinary {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    let url: URL

    /// The executable next to the test bundle (`swift test` builds it first: the test target depends on it).
    static func locate(filePath: String = #filePath) throws -> LeakWatchBinary {
        var candidates: [URL] = []
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(bundleDirectory.appendingPathComponent("leakwatch"))
        let repository = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent(".build/debug/leakwatch"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryMissing(candidates: candidates.map(\.path))
        }
        return LeakWatchBinary(url: found)
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var candidates: [String]
        var description: String { "leakwatch binary not found at \(candidates)" }
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdout = Pipe()
        // stderr goes to a file so that only one pipe has to be drained while the process runs.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("leakwatch-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorPath) }
        let errorHandle = try FileHandle(forWritingTo: errorPath)
        process.standardOutput = stdout
        process.standardError = errorHandle
        try process.run()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errorData = try Data(contentsOf: errorPath)
        return Output(status: process.terminationStatus, stdout: outputData,
                      stderr: String(decoding: errorData, as: UTF8.self))
    }
}

/// A temporary directory removed when the test ends.
final class ScratchDirectory {
    let path: String

    init(_ name: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("leakwatch-e2e-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

/// Reads a `--summary-json` file.
func readSummary(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}
