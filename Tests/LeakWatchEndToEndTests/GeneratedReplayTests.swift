import Foundation
import LeakWatchTestSupport
import Testing

/// Generates labelled logs once and replays them through the binary in several ways.
@Suite("replay of generated logs with labelled incidents", .serialized)
struct GeneratedReplayTests {
    static let generated: Result<String, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leakwatch-e2e-generated-\(getpid())").path
        RemovedAtExit.register(directory)
        let binary = try LeakWatchBinary.locate()
        let output = try binary.run(["generate", "--out", directory, "--days", "4", "--seed", "11", "--rate", "0.5"])
        guard output.status == 0 else { throw GenerateFailed(stderr: output.stderr) }
        return directory
    }

    struct GenerateFailed: Error { var stderr: String }

    @Test("every labelled incident is detected, each by the detectors it is labelled for, with few false positives")
    func volumeIncidentsAreDetected() throws {
        let directory = try Self.generated.get()
        let scratch = try ScratchDirectory("labels")
        let output = try LeakWatchBinary.locate().run([
            "replay", "--workers", "2", "--labels", directory + "/labels.json", "--summary-json",
            scratch.file("summary.json"), directory + "/logs",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try readSummary(scratch.file("summary.json"))
        let labels = try #require(summary["labels"] as? [String: Any])
        let byDetector = try #require(labels["recall_by_detector"] as? [String: Any])
        #expect((byDetector["volume_spike"] as? Double) == 1.0, "\(output.stderr)")
        // Every labelled incident is caught by some detector, and each detector catches the incidents it is
        // labelled for (new_entity is also listed for token spraying, whose single tokens stay below its floor).
        #expect((labels["recall"] as? Double) == 1.0, "\(output.stderr)")
        for detector in ["synthetic_volume", "synthetic_destination", "provenance_missing", "auth_failures",
                         "off_hours_bulk", "fan_in", "enumeration", "low_and_slow"] {
            #expect((byDetector[detector] as? Double) == 1.0, "\(detector): \(output.stderr)")
        }
        #expect((labels["false_positives_per_day"] as? Double ?? 99) <= 1.0, "\(output.stderr)")
        // Every alert line is a JSON object with the documented fields.
        let lines = output.stdoutText.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let alert = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for field in ["schema", "id", "status", "detector", "severity", "time", "window", "key", "metric",
                          "observed", "expected", "band", "score", "summary", "evidence"] {
                #expect(alert[field] != nil, "missing \(field) in \(line)")
            }
        }
        #expect((summary["events"] as? Int ?? 0) > 100_000)
        #expect((summary["parse_errors"] as? [String: Int])?.values.reduce(0, +) == 0)
    }

    @Test("alerts are byte-identical for 1, 2 and 4 workers")
    func workerCountDoesNotChangeOutput() throws {
        let directory = try Self.generated.get()
        let binary = try LeakWatchBinary.locate()
        let outputs = try [1, 2, 4].map { workers in
            try binary.run(["replay", "--workers", String(workers), directory + "/logs"])
        }
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(!outputs[0].stdout.isEmpty)
        #expect(outputs[1].stdout == outputs[0].stdout)
        #expect(outputs[2].stdout == outputs[0].stdout)
    }

    @Test("replaying A then B with saved state prints the same alerts as replaying A+B")
    func warmStartMatchesOneRun() throws {
        let directory = try Self.generated.get()
        let binary = try LeakWatchBinary.locate()
        let scratch = try ScratchDirectory("warm")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/logs").sorted()
        // Days 1-3 in A, day 4 in B (file names carry the day).
        let dayFour = files.filter { $0.contains("20260305") }
        #expect(!dayFour.isEmpty)
        let partA = scratch.file("a")
        let partB = scratch.file("b")
        for part in [partA, partB] { try FileManager.default.createDirectory(atPath: part, withIntermediateDirectories: true) }
        for file in files {
            let target = dayFour.contains(file) ? partB : partA
            try FileManager.default.copyItem(atPath: directory + "/logs/" + file, toPath: target + "/" + file)
        }
        let whole = try binary.run(["replay", "--workers", "2", directory + "/logs"])
        let first = try binary.run(["replay", "--workers", "2", "--state-out", scratch.file("state"), partA])
        let second = try binary.run(["replay", "--workers", "1", "--state-in", scratch.file("state"), partB])
        #expect(whole.status == 0 && first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(!second.stdout.isEmpty, "the incidents of day 4 must be found from the warm state")
        #expect(first.stdout + second.stdout == whole.stdout)
    }
}
