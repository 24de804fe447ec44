import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Debian's `prometheus-alertmanager`, started on 127.0.0.1 on a free port with clustering off and its
/// storage in a temporary directory, for the Alertmanager sink test.
final class AlertmanagerProcess: Sendable {
    static let binary = "/usr/bin/prometheus-alertmanager"
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: binary) }
    /// CI installs it (`.ci/run`), so there a missing binary is a failure, not a skip.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    let url: String
    private let process: Process

    private init(url: String, process: Process) {
        self.url = url
        self.process = process
    }

    /// Starts Alertmanager and waits until `/-/ready` answers 200.
    static func start(client: HTTPClient) async throws -> AlertmanagerProcess {
        let directory = ReceivedAlerts.temporaryDirectory()
        let config = directory + "/alertmanager.yml"
        try "route:\n  receiver: default\nreceivers:\n  - name: default\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let port = try await freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--config.file=\(config)", "--storage.path=\(directory)/data",
            "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
        ]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let alertmanager = AlertmanagerProcess(url: "http://127.0.0.1:\(port)", process: process)
        for _ in 0..<300 {
            if let response = try? await client.execute(HTTPClientRequest(url: alertmanager.url + "/-/ready"),
                                                        timeout: .seconds(2)),
                response.status == .ok
            {
                return alertmanager
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        alertmanager.stop()
        throw AlertmanagerNotReady()
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The alerts `GET /api/v2/alerts` lists.
    func listedAlerts(client: HTTPClient) async throws -> [[String: Any]] {
        let response = try await client.execute(HTTPClientRequest(url: url + "/api/v2/alerts"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 22)
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] ?? []
    }

    private static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

struct AlertmanagerNotReady: Error, CustomStringConvertible {
    var description: String { "prometheus-alertmanager did not become ready on 127.0.0.1" }
}
