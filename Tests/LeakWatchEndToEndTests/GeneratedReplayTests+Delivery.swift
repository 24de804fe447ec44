import Foundation
import Testing

extension GeneratedReplayTests {
    @Test("configured sinks get every alert: stdout and a file the same lines; a webhook that is down keeps them all")
    func replayDeliversToConfiguredSinks() throws {
        let directory = try Self.generated.get()
        let scratch = try ScratchDirectory("delivery")
        try "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n".write(toFile: scratch.file("secret"), atomically: true,
                                                          encoding: .utf8)
        try """
            sinks:
              - type: stdout
              - type: file
                path: \(scratch.file("alerts/alerts.jsonl"))
              - type: webhook
                name: soc
                url: http://127.0.0.1:1/hooks/leakwatch
                secret_file: \(scratch.file("secret"))
                outbox:
                  directory: \(scratch.file("outbox"))
                drain_timeout: 0s
            """.write(toFile: scratch.file("leakwatch.yml"), atomically: true, encoding: .utf8)
        let output = try LeakWatchBinary.locate().run([
            "replay", "--workers", "2", "--config", scratch.file("leakwatch.yml"), directory + "/logs",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let printed = output.stdoutText.split(separator: "\n")
        #expect(!printed.isEmpty)
        let written = try String(contentsOfFile: scratch.file("alerts/alerts.jsonl"), encoding: .utf8)
        #expect(written.split(separator: "\n") == printed)

        // Every alert waits in the outbox (header line: LWOB1 <webhook-id> <alerts> <bytes>) for the next run.
        let batches = try FileManager.default.contentsOfDirectory(atPath: scratch.file("outbox"))
            .filter { $0.hasSuffix(".batch") }
        var waiting = 0
        for batch in batches {
            let text = try String(contentsOfFile: scratch.file("outbox/" + batch), encoding: .utf8)
            let header = text.prefix { $0 != "\n" }.split(separator: " ")
            waiting += Int(header[2]) ?? 0
        }
        #expect(waiting == printed.count)
        #expect(output.stderr.contains("delivery soc: 0 delivered"), "\(output.stderr)")
        #expect(output.stderr.contains("\(printed.count) alerts left in the outbox"), "\(output.stderr)")
    }
}
