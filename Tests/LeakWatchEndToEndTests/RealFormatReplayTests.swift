import Foundation
import Testing

/// Replays the real Salesforce EventLogFile and CloudTrail samples through the binary.
@Suite("replay of real EventLogFile and CloudTrail logs")
struct RealFormatReplayTests {
    static let realLogs = RealLogReplayTests.realLogs
    static let elfFiles = [
        "API_2015-07-26.csv", "BulkApi_2015-07-26.csv", "Login_2015-07-26.csv", "QueuedExecution_2015-07-26.csv",
        "RestApi_2015-07-26.csv", "UITracking_2015-07-30.csv",
    ].map { realLogs + "/sfdc-elf-samples/" + $0 }
    static let cloudTrail = realLogs + "/otrf-aws-cloudtrail/ec2_proxy_s3_exfiltration_2020-09-14011940.json"
    /// The stolen instance-role key of the scenario (see the folder's SOURCES.md).
    static let stolenKey = "ASIA5FLZVX4OPVKKVBMX"

    /// Runs `replay` and returns its summary, stderr and alerts (one JSON object per stdout line).
    func replay(_ arguments: [String]) throws -> (summary: [String: Any], stderr: String, alerts: [[String: Any]]) {
        let scratch = try ScratchDirectory("formats")
        let output = try LeakWatchBinary.locate().run(
            ["replay", "--summary-json", scratch.file("summary.json")] + arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let alerts = output.stdoutText.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return (try readSummary(scratch.file("summary.json")), output.stderr, alerts)
    }

    func errorCount(_ summary: [String: Any]) -> Int {
        (summary["parse_errors"] as? [String: Int])?.values.reduce(0, +) ?? -1
    }

    @Test("the six EventLogFile samples: detected, every row an event (counts from Python's csv module)")
    func eventLogFiles() throws {
        try #require(FileManager.default.fileExists(atPath: Self.elfFiles[0]), "real logs not present")
        let run = try replay(["--quiet", "--workers", "2"] + Self.elfFiles)
        #expect(run.summary["events"] as? Int == 1_813)
        #expect(errorCount(run.summary) == 0)
        #expect(run.stderr.contains("6 files (6 salesforce_elf)"))
        #expect((run.summary["keys"] as? [String: Int])?["principal"] == 3)
    }

    @Test("the CloudTrail sample, as exported (Logstash lines) and as a one-line Records file")
    func cloudTrailShapes() throws {
        try #require(FileManager.default.fileExists(atPath: Self.cloudTrail), "real logs not present")
        let lines = try String(contentsOfFile: Self.cloudTrail, encoding: .utf8).split(separator: "\n")
        let scratch = try ScratchDirectory("records")
        let wrapped = scratch.file("CloudTrail_records.json")
        try ("{\"Records\":[" + lines.joined(separator: ",") + "]}").write(toFile: wrapped, atomically: true, encoding: .utf8)
        for path in [Self.cloudTrail, wrapped] {
            let run = try replay(["--quiet", "--config", try lateTolerantConfig(scratch), path])
            #expect(run.summary["events"] as? Int == 103)
            #expect(errorCount(run.summary) == 0)
            #expect(run.summary["late_events"] as? Int == 0)
            #expect(run.stderr.contains("(1 cloudtrail)"))
        }
    }

    /// CloudTrail files are not in time order (this one goes back up to 9 minutes), so the lateness allowance
    /// must cover that; without history, a short warm-up lets new principals count.
    func lateTolerantConfig(_ scratch: ScratchDirectory, warmup: String = "0h") throws -> String {
        let path = scratch.file("cloudtrail-\(warmup).yml")
        try """
            engine:
              allowed_lateness: 30m
            baselines:
              warmup: \(warmup)
            detectors:
              new_entity:
                min_requests: 3
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("S3 exfiltration: the stolen role key is a new principal and raises new_entity")
    func stolenKeyAlerts() throws {
        try #require(FileManager.default.fileExists(atPath: Self.cloudTrail), "real logs not present")
        let scratch = try ScratchDirectory("exfiltration")
        let run = try replay(["--config", try lateTolerantConfig(scratch), Self.cloudTrail])
        let stolen = run.alerts.filter { alert in
            let key = alert["key"] as? [String: Any]
            return alert["detector"] as? String == "new_entity" && alert["status"] as? String == "firing"
                && key?["dimension"] as? String == "principal"
                && (key?["principal"] as? String)?.hasSuffix(" " + Self.stolenKey) == true
        }
        #expect(stolen.count == 1, "\(run.alerts)")
    }

    @Test("S3 exfiltration after an hour of the account's own benign traffic: only the stolen key alerts")
    func onlyTheStolenKeyIsNew() throws {
        try #require(FileManager.default.fileExists(atPath: Self.cloudTrail), "real logs not present")
        let scratch = try ScratchDirectory("history")
        // History: the scenario's benign events (IAM user console calls, AWS service calls) one hour earlier.
        let history = try String(contentsOfFile: Self.cloudTrail, encoding: .utf8).split(separator: "\n")
            .filter { !$0.contains(Self.stolenKey) }
            .map { $0.replacingOccurrences(of: "\"@timestamp\":\"2020-09-14T00:", with: "\"@timestamp\":\"2020-09-13T23:") }
        try (history.joined(separator: "\n") + "\n").write(toFile: scratch.file("history.json"), atomically: true, encoding: .utf8)
        let run = try replay([
            "--config", try lateTolerantConfig(scratch, warmup: "1h"), scratch.file("history.json"), Self.cloudTrail,
        ])
        let firing = run.alerts.filter { $0["status"] as? String == "firing" }
        // The stolen key alerts as a new principal, and as that principal from a network it never came from;
        // nothing else alerts, and both alerts are one incident.
        #expect(!firing.isEmpty)
        for alert in firing {
            let key = alert["key"] as? [String: Any]
            #expect(alert["detector"] as? String == "new_entity", "\(alert)")
            #expect((key?["principal"] as? String)?.hasSuffix(" " + Self.stolenKey) == true, "\(alert)")
        }
        #expect(firing.contains { ($0["key"] as? [String: Any])?["dimension"] as? String == "principal" })
        #expect(Set(firing.compactMap { $0["incident"] as? String }).count == 1)
    }

    @Test("a config that maps CloudTrail fields itself keeps per-line CloudTrail on the json format")
    func customMappingKeepsJSON() throws {
        try #require(FileManager.default.fileExists(atPath: Self.cloudTrail), "real logs not present")
        let scratch = try ScratchDirectory("mapping")
        try "fields:\n  ts: \"@timestamp\"\n  principal: userIdentity.arn\n  path: eventName\n"
            .write(toFile: scratch.file("mapped.yml"), atomically: true, encoding: .utf8)
        let run = try replay(["--quiet", "--config", scratch.file("mapped.yml"), Self.cloudTrail])
        #expect(run.stderr.contains("(1 json)"))
        #expect(run.summary["events"] as? Int == 103)
    }

    @Test("EventLogFile records with quoted newlines survive block and chunk cuts with several workers")
    func quotedNewlinesAcrossChunks() throws {
        let scratch = try ScratchDirectory("elf-newlines")
        var text = #""EVENT_TYPE","TIMESTAMP","USER_ID","URI","QUERY""# + "\n"
        for index in 0..<3_000 {
            text += "\"API\",\"20150726\(String(format: "%02d%02d%02d", index / 3600 % 24, index / 60 % 60, index % 60)).000\","
                + "\"u\(index % 5)\",\"Api\",\"SELECT Id,\n  \"\"Name\"\"\nFROM Contact\"\n"
        }
        try text.write(toFile: scratch.file("API_multiline.csv"), atomically: true, encoding: .utf8)
        let run = try replay(["--quiet", "--workers", "3", scratch.file("API_multiline.csv")])
        #expect(run.summary["events"] as? Int == 3_000)
        #expect(errorCount(run.summary) == 0)
    }
}
