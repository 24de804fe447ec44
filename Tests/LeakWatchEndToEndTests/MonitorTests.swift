import Foundation
import LeakWatchDelivery
import LeakWatchIngest
import LeakWatchTestSupport
import Testing

/// `leakwatch monitor` driven as a daemon: growing plain and zstd files, restarts, signals.
@Suite("monitor daemon", .serialized)
struct MonitorTests {
    /// Three days of generated traffic (the last one with incidents), as lines per file in time order.
    static let generated: Result<(directory: String, files: [(name: String, lines: [String])]), any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leakwatch-e2e-monitor-\(getpid())").path
        RemovedAtExit.register(directory)
        let binary = try LeakWatchBinary.locate()
        let output = try binary.run(["generate", "--out", directory, "--days", "3", "--seed", "5", "--rate", "0.3"])
        guard output.status == 0 else { throw GeneratedReplayTests.GenerateFailed(stderr: output.stderr) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory + "/logs").sorted()
        let files = try names.map { name in
            let lines = try LineBlockReader.readAllLines(path: directory + "/logs/" + name).lines
            return (String(name.dropLast(4)), lines.map { String(decoding: $0, as: UTF8.self) })
        }
        return (directory, files)
    }

    static func config(_ scratch: ScratchDirectory, input: String, metricsPort: Int) throws -> String {
        let path = scratch.file("leakwatch.yml")
        try """
            input:
              paths: ["\(input)"]
            monitor:
              state_dir: \(scratch.file("state"))
              poll_interval: 50ms
              checkpoint_interval: 500ms
              input_idle: 8s
              metrics_address: "127.0.0.1:\(metricsPort)"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The event-time hour of a generated line (`"ts":"2026-03-02T07:...`), as a sortable string.
    static func hour(_ line: String) -> Substring {
        guard let range = line.range(of: "\"ts\":\"") else { return "" }
        return line[range.upperBound...].prefix(13)
    }

    /// Writes the generated files into `input` hour by hour of event time, every file up to the same hour, the
    /// sparse export files first; access files as growing zstd files (one frame an hour, one frame written in two
    /// halves), export files as growing plain files. `between` runs after each hour.
    static func write(
        _ files: [(name: String, lines: [String])], into input: String, scratch: ScratchDirectory,
        between: (Int) throws -> Void = { _ in }
    ) throws {
        let hours = Set(files.flatMap { $0.lines.map(hour) }).sorted()
        var offsets = Array(repeating: 0, count: files.count)
        let order = files.indices.sorted { (files[$0].name.hasPrefix("export") ? 0 : 1, files[$0].name) < (files[$1].name.hasPrefix("export") ? 0 : 1, files[$1].name) }
        for (step, current) in hours.enumerated() {
            for index in order {
                let (name, lines) = files[index]
                var end = offsets[index]
                while end < lines.count && hour(lines[end]) <= current { end += 1 }
                guard end > offsets[index] else { continue }
                let text = Array((lines[offsets[index]..<end].joined(separator: "\n") + "\n").utf8)
                offsets[index] = end
                if name.hasPrefix("access") {
                    let frame = try zstdFrame(text, scratch: scratch)
                    if step == 30 {
                        // A frame arriving in two writes: the first half must wait for the second.
                        try append(frame[..<(frame.count / 2)], to: input + "/" + name + ".zst")
                        usleep(300_000)
                        try append(frame[(frame.count / 2)...], to: input + "/" + name + ".zst")
                    } else {
                        try append(frame, to: input + "/" + name + ".zst")
                    }
                } else {
                    try append(text, to: input + "/" + name)
                }
            }
            try between(step)
            usleep(20_000)
        }
    }

    static func zstdFrame(_ bytes: [UInt8], scratch: ScratchDirectory) throws -> [UInt8] {
        let path = scratch.file("frame.zst")
        var writer = try ZstdFileWriter(path: path, frameBytes: Int.max)
        try bytes.withUnsafeBytes { try writer.write($0) }
        try writer.finish()
        return try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Waits until the daemon on `port` has aggregated `lines` lines and holds none back (the inputs went idle),
    /// so that its state covers everything written.
    static func waitUntilCaughtUp(port: Int, lines: Int) -> Bool {
        MonitorProcess.waitUntil(seconds: 120) {
            guard let metrics = httpGet(port: port, path: "/metrics")?.body else { return false }
            return metricValue("leakwatch_pending_events", in: metrics) == 0
                && metricValue("leakwatch_events_total", in: metrics).map { Int($0) } == lines
        }
    }

    /// The daemon's counters that tell a slow daemon from a diverged one, for failure messages.
    static func progress(port: Int) -> String {
        guard let metrics = httpGet(port: port, path: "/metrics")?.body else { return "metrics unavailable" }
        let names = [
            "leakwatch_lines_read_total", "leakwatch_events_total", "leakwatch_pending_events",
            "leakwatch_late_events_total", "leakwatch_forced_releases_total", "leakwatch_checkpoints_total",
        ]
        return names.map { "\($0)=\(metricValue($0, in: metrics).map { String(Int($0)) } ?? "?")" }
            .joined(separator: " ")
    }

    /// Replays the final files with saved state (no flush at the end, as a daemon keeps windows open).
    static func replay(_ input: String, scratch: ScratchDirectory) throws -> (alerts: String, state: [UInt8]) {
        let output = try LeakWatchBinary.locate().run([
            "replay", "--workers", "2", "--state-out", scratch.file("replay-state"), input,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let state = try Array(Data(contentsOf: URL(fileURLWithPath: scratch.file("replay-state/engine.state"))))
        return (output.stdoutText, state)
    }

    @Test("lines appended to growing zstd and plain files are counted once: alerts and baselines equal a replay")
    func tailingEqualsReplay() throws {
        let (_, files) = try Self.generated.get()
        let scratch = try ScratchDirectory("monitor-live")
        let input = scratch.file("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let port = freePort()
        let monitor = try MonitorProcess(
            binary: try LeakWatchBinary.locate(), config: try Self.config(scratch, input: input, metricsPort: port),
            scratch: scratch, run: 1)
        try Self.write(files, into: input, scratch: scratch)
        let total = files.reduce(0) { $0 + $1.lines.count }
        #expect(Self.waitUntilCaughtUp(port: port, lines: total), "\(monitor.stderr)")
        let health = httpGet(port: port, path: "/healthz")
        #expect(health?.status == 200 && health?.body.contains("\"status\":\"ok\"") == true)
        let counters = Self.progress(port: port)
        // SIGTERM: a last checkpoint, exit 0.
        monitor.signal(SIGTERM)
        #expect(monitor.waitForExit() == 0, "\(monitor.stderr)")
        let replay = try Self.replay(input, scratch: scratch)
        #expect(!replay.alerts.isEmpty)
        #expect(monitor.stdout == replay.alerts, "daemon: \(counters); \(monitor.stderr)")
        let sections = try checkpointSections(scratch.file("state/checkpoint"))
        #expect(sections["engine"] == replay.state, "baselines differ from a replay of the same lines")
    }

    @Test("kill -9 mid-stream, then restart: baselines equal an uninterrupted run, every alert delivered with its id")
    func killAndRestart() throws {
        let (_, files) = try Self.generated.get()
        let scratch = try ScratchDirectory("monitor-kill")
        let input = scratch.file("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let binary = try LeakWatchBinary.locate()
        let port = freePort()
        let config = try Self.config(scratch, input: input, metricsPort: port)
        var monitor = try MonitorProcess(binary: binary, config: config, scratch: scratch, run: 1)
        var runs = [monitor]
        var kills = 0
        try Self.write(files, into: input, scratch: scratch) { step in
            // Twice mid-stream, after a checkpoint has been written and more lines have arrived since.
            guard step == 20 || step == 45 else { return }
            // A slow start (a loaded CI machine) must not make the kill come before this run has started up
            // (and said whether it resumed) or before the first checkpoint exists.
            let current = monitor
            #expect(MonitorProcess.waitUntil(seconds: 60) {
                current.stderr.contains("following inputs")
                    && FileManager.default.fileExists(atPath: scratch.file("state/checkpoint"))
            }, "not started, or no checkpoint written: \(monitor.stderr)")
            usleep(1_200_000)
            monitor.signal(SIGKILL)
            _ = monitor.waitForExit()
            kills += 1
            monitor = try MonitorProcess(binary: binary, config: config, scratch: scratch, run: runs.count + 1)
            runs.append(monitor)
        }
        // Lines read before a kill and after the checkpoint before it are read again, and must count once: the
        // daemon's checkpointed baselines reach exactly those of one uninterrupted replay.
        let replay = try Self.replay(input, scratch: scratch)
        let converged = MonitorProcess.waitUntil(seconds: 120) {
            (try? checkpointSections(scratch.file("state/checkpoint")))?["engine"] == replay.state
        }
        let total = files.reduce(0) { $0 + $1.lines.count }
        #expect(converged, "baselines differ from an uninterrupted run (\(total) lines written; daemon: \(Self.progress(port: port))): \(monitor.stderr)")
        monitor.signal(SIGTERM)
        #expect(monitor.waitForExit() == 0, "\(monitor.stderr)")
        #expect(kills == 2)
        let sections = try checkpointSections(scratch.file("state/checkpoint"))
        #expect(sections["engine"] == replay.state, "baselines differ from an uninterrupted run")
        // At least once: every alert of the uninterrupted run came out of some run, with the same id and bytes.
        let delivered = Set(runs.flatMap { $0.stdout.split(separator: "\n") })
        let expected = replay.alerts.split(separator: "\n")
        #expect(!expected.isEmpty)
        #expect(expected.allSatisfy { delivered.contains($0) })
        #expect(runs.dropFirst().allSatisfy { $0.stderr.contains("resumed=true") })
    }

    @Test("SIGHUP with a broken config keeps the running one; a good one is taken; SIGTERM exits 0 with a checkpoint")
    func reloadAndStop() throws {
        let (_, files) = try Self.generated.get()
        let scratch = try ScratchDirectory("monitor-hup")
        let input = scratch.file("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let port = freePort()
        let config = try Self.config(scratch, input: input, metricsPort: port)
        let good = try String(contentsOfFile: config, encoding: .utf8)
        let monitor = try MonitorProcess(binary: try LeakWatchBinary.locate(), config: config, scratch: scratch, run: 1)
        try append(Array((files[0].lines.prefix(500).joined(separator: "\n") + "\n").utf8), to: input + "/a.jsonl")
        #expect(MonitorProcess.waitUntil { httpGet(port: port, path: "/healthz")?.status == 200 })

        try "monitor:\n  poll_interval: soon\n".write(toFile: config, atomically: true, encoding: .utf8)
        monitor.signal(SIGHUP)
        #expect(MonitorProcess.waitUntil { monitor.stderr.contains("configuration rejected") }, "\(monitor.stderr)")
        #expect(monitor.stderr.contains("monitor.poll_interval"))
        try append(Array((files[0].lines.dropFirst(500).prefix(500).joined(separator: "\n") + "\n").utf8), to: input + "/a.jsonl")
        // Still running on the old configuration, still reading.
        #expect(MonitorProcess.waitUntil {
            httpGet(port: port, path: "/metrics").flatMap { metricValue("leakwatch_lines_read_total", in: $0.body) } == 1000
        })

        try good.write(toFile: config, atomically: true, encoding: .utf8)
        monitor.signal(SIGHUP)
        #expect(MonitorProcess.waitUntil { monitor.stderr.contains("configuration reloaded") }, "\(monitor.stderr)")
        monitor.signal(SIGTERM)
        #expect(monitor.waitForExit() == 0, "\(monitor.stderr)")
        let sections = try checkpointSections(scratch.file("state/checkpoint"))
        #expect(sections["tail"] != nil && sections["engine"] != nil && sections["live"] != nil)
    }

    /// A daemon following a fresh input directory, with metrics on a free port.
    struct Running {
        let scratch: ScratchDirectory
        let input: String
        let port: Int
        let monitor: MonitorProcess

        init(_ name: String) throws {
            scratch = try ScratchDirectory(name)
            input = scratch.file("in")
            try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
            port = freePort()
            monitor = try MonitorProcess(
                binary: try LeakWatchBinary.locate(), config: try MonitorTests.config(scratch, input: input, metricsPort: port),
                scratch: scratch, run: 1)
        }

        /// `leakwatch_lines_read_total`, or nil while the daemon does not answer.
        var linesRead: Int? {
            httpGet(port: port, path: "/metrics").flatMap { metricValue("leakwatch_lines_read_total", in: $0.body) }
                .map { Int($0) }
        }
    }

    /// Lines `range` of the first generated file, newline-terminated.
    static func text(_ range: Range<Int>) throws -> [UInt8] {
        let lines = try generated.get().files[0].lines
        return Array((lines[range].joined(separator: "\n") + "\n").utf8)
    }

    @Test("a corrupt frame, a truncated file and a file replaced by garbage are reported and counted; reading goes on")
    func damagedInputs() throws {
        let running = try Running("monitor-damage")
        let (scratch, input, monitor) = (running.scratch, running.input, running.monitor)
        let text = Self.text
        // A zstd file whose second frame is corrupt: the frames around it are read.
        var corrupt = try Self.zstdFrame(text(0..<300), scratch: scratch)
        var broken = try Self.zstdFrame(text(300..<600), scratch: scratch)
        broken[broken.count / 2] ^= 0xFF
        broken[broken.count / 2 + 1] ^= 0xFF
        corrupt += broken + (try Self.zstdFrame(text(600..<900), scratch: scratch))
        try append(corrupt, to: input + "/corrupt.jsonl.zst")
        // A plain file that is then truncated and written again from the start, and a zstd file that is then
        // overwritten in place with garbage.
        try append(text(900..<1200), to: input + "/truncated.jsonl")
        try append(try Self.zstdFrame(text(1200..<1300), scratch: scratch), to: input + "/replaced.jsonl.zst")
        #expect(MonitorProcess.waitUntil { running.linesRead == 1000 }, "\(monitor.stderr)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input + "/replaced.jsonl.zst"))
        try handle.write(contentsOf: Data((0..<8192).map { UInt8(($0 * 7) % 251) }))
        try handle.close()
        try Data(text(1300..<1400)).write(to: URL(fileURLWithPath: input + "/truncated.jsonl"))
        try append(text(1400..<1500), to: input + "/after.jsonl")
        #expect(MonitorProcess.waitUntil { running.linesRead == 1200 }, "\(monitor.stderr)")
        let metrics = httpGet(port: running.port, path: "/metrics")?.body ?? ""
        #expect(metrics.contains("leakwatch_tail_events_total{kind=\"damaged\"}"), "\(metrics)")
        #expect(metrics.contains("leakwatch_tail_events_total{kind=\"truncated\"}"), "\(metrics)")
        #expect(monitor.stderr.contains("input damaged or unreadable"), "\(monitor.stderr)")
        #expect(httpGet(port: running.port, path: "/healthz")?.status == 200)
        monitor.signal(SIGTERM)
        #expect(monitor.waitForExit() == 0, "\(monitor.stderr)")
    }

    @Test("rename rotation and copytruncate while the daemon runs lose no line and count none twice")
    func rotationKeepsEveryLine() throws {
        let running = try Running("monitor-rotate")
        let (input, monitor) = (running.input, running.monitor)
        let text = Self.text
        func linesRead() -> Int? { running.linesRead }
        let live = input + "/gateway.jsonl"
        try append(text(0..<1000), to: live)
        #expect(MonitorProcess.waitUntil { linesRead() == 1000 }, "\(monitor.stderr)")
        // Rename rotation: the writer still appends to the old file a moment after the rename.
        try FileManager.default.moveItem(atPath: live, toPath: input + "/gateway.jsonl.1")
        try append(text(1000..<1100), to: input + "/gateway.jsonl.1")
        try append(text(1100..<2000), to: live)
        #expect(MonitorProcess.waitUntil { linesRead() == 2000 }, "\(monitor.stderr)")
        // copytruncate: the file is copied aside, then emptied, and the writer goes on at its start.
        try FileManager.default.copyItem(atPath: live, toPath: input + "/gateway.jsonl.2")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: live))
        try handle.truncate(atOffset: 0)
        try handle.close()
        try append(text(2000..<3000), to: live)
        #expect(MonitorProcess.waitUntil { linesRead() == 3000 }, "\(monitor.stderr)")
        usleep(500_000)
        #expect(linesRead() == 3000, "a line was read twice")
        let metrics = httpGet(port: running.port, path: "/metrics")?.body ?? ""
        #expect(metrics.contains("leakwatch_tail_events_total{kind=\"rotated\"}"), "\(metrics)")
        monitor.signal(SIGTERM)
        #expect(monitor.waitForExit() == 0, "\(monitor.stderr)")
    }

    @Test("a webhook receiver down while alerts are raised, then up: every alert arrives, signed")
    func webhookDownThenUp() throws {
        let (_, files) = try Self.generated.get()
        let scratch = try ScratchDirectory("monitor-webhook")
        let input = scratch.file("in")
        let (metricsPort, hookPort) = (freePort(), freePort())
        let secret = "whsec_" + Data("end-to-end-webhook-secret".utf8).base64EncodedString()
        let config = try Self.config(scratch, input: input, metricsPort: metricsPort)
        try (String(contentsOfFile: config, encoding: .utf8) + """

            sinks:
              - type: webhook
                url: http://127.0.0.1:\(hookPort)/leakwatch
                secret_env: LW_E2E_SECRET
                outbox:
                  directory: \(scratch.file("outbox"))
                retry:
                  initial: 100ms
                  max: 500ms
            """).write(toFile: config, atomically: true, encoding: .utf8)
        let monitor = try MonitorProcess(
            binary: try LeakWatchBinary.locate(), config: config, scratch: scratch, run: 1,
            environment: ["LW_E2E_SECRET": secret])
        // Three days of logs appear at once (a directory renamed into place) while nothing listens: the alerts
        // wait in the outbox.
        let staging = scratch.file("staging")
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for (name, lines) in files {
            try append(Array((lines.joined(separator: "\n") + "\n").utf8), to: staging + "/" + name)
        }
        try FileManager.default.moveItem(atPath: staging, toPath: input)
        let replay = try Self.replay(input, scratch: scratch)
        let expected = Set(replay.alerts.split(separator: "\n").map(String.init))
        #expect(!expected.isEmpty)
        // Wait until the daemon has read and judged everything (its baselines equal the replay's).
        #expect(MonitorProcess.waitUntil(seconds: 120) {
            (try? checkpointSections(scratch.file("state/checkpoint")))?["engine"] == replay.state
        }, "\(monitor.stderr)")
        let receiver = WebhookReceiver(port: hookPort)
        try receiver.start()
        let verifier = StandardWebhookVerifier(secret: try StandardWebhookSecret(secret))
        func received() -> Set<String> {
            var alerts = Set<String>()
            for request in receiver.requests {
                guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
                      let data = body["data"] as? [String: Any], let list = data["alerts"] as? [Any]
                else { continue }
                for alert in list {
                    if let json = try? JSONSerialization.data(withJSONObject: alert, options: [.sortedKeys]) {
                        alerts.insert(String(decoding: json, as: UTF8.self))
                    }
                }
            }
            return alerts
        }
        let sortedExpected = Set(expected.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))).flatMap {
                try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])
            }.map { String(decoding: $0, as: UTF8.self) }
        })
        let arrived = MonitorProcess.waitUntil(seconds: 120) { sortedExpected.isSubset(of: received()) }
        #expect(arrived, "\(receiver.requests.count) requests, \(received().count) alerts of \(sortedExpected.count)")
        let now = Int64(Date().timeIntervalSince1970)
        for request in receiver.requests {
            #expect(throws: Never.self) {
                try verifier.verify(
                    id: request.headers["webhook-id"] ?? "", timestamp: request.headers["webhook-timestamp"] ?? "",
                    signatures: request.headers["webhook-signature"] ?? "", body: request.body, nowSeconds: now)
            }
        }
        monitor.signal(SIGTERM)
        #expect(monitor.waitForExit() == 0, "\(monitor.stderr)")
        receiver.stop()
    }
}
