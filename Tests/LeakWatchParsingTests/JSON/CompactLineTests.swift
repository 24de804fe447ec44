import LeakWatchParsing
import Testing

/// Flat lines in compact form (`{"k":v,...}`) or with one space after each colon and comma (`{"k": v, ...}`), with
/// no other whitespace, nesting or backslash, take a fast path that finds all quotes of the line at once; everything
/// else goes through the full scanner. A tab after the opening brace sends any line the full way, so a line and its twin with the tab must
/// parse to the same event, or the same error.
@Suite struct CompactLineTests {
    static let baseLines = [
        #"{"ts":"2026-03-03T00:05:00.079Z","method":"GET","path":"/api/v2/orders?updated_since=2026-01-01&page=277","status":200,"bytes":579668,"records":200,"duration_ms":146.9,"principal":"svc-erp-orders","src_ip":"10.4.9.12","ua":"erp-bridge/7.4.1 (java 17)","request_id":"req-32cb14fd6e1fc176"}"#,
        #"{"ts":"2026-03-03T00:05:18.584Z","job_id":"job-20260303-0001","principal":"svc-shopify-sync","object":"Order","destination":"https://shop.example/api/sync","records":80,"synthetic_records":0,"bytes":140000,"format":"json"}"#,
        #"{"ts":1772409600007,"method":"POST","path":"/api/v2/leads","status":201,"bytes":-1e3,"records":1.5E+2,"provenance":"synthetic","ok":true,"gone":false,"none":null,"principal":"ai-writer","src_ip":"2001:db8::1"}"#,
        #"{"ts":"2026-03-03T00:05:00Z","path":"/a/\"b\"","principal":"p\u00e9","meta":{"k":[1,2,{"x":"y"}]},"status":"404"}"#,
        #"{"path":"/x","ts":"2026-03-03T00:05:00Z","path":"/y","principal":"","src_ip":null}"#,
        #"{}"#,
        #"{"ts": "2026-03-03T00:05:00.079Z", "method": "GET", "path": "/api/v2/orders/42", "status": 200, "bytes": 5796, "records": 1, "duration_ms": 146.9, "principal": "svc-erp-orders", "src_ip": "10.4.9.12", "ok": true, "none": null}"#,
        #"{ "ts" : "2026-03-03T00:05:00Z" , "path" : "/a" , "status" : 404 , "principal" : "p" }"#,
        #"{"ts":  "2026-03-03T00:05:00Z", "path": "/a"}"#,
        // Keys of 17 and 26 bytes, numbers of nine digits and with a sign or exponent, a literal last.
        #"{"ts":"2026-03-03T00:05:00Z","path":"/b","synthetic_records":123456789,"an_unmapped_key_of_26_byt":-0.5,"#
            + #""records":7e2,"ok":false}"#,
        #"{"ts": "2026-03-03T00:05:00Z", "path": "/c", "synthetic_records": 12, "provenance": "synthetic", "x": null}"#,
    ]
    static let alphabet = Array(#"{}[],:"\ 0123456789.-+eEtrufalsn/xyz"#.utf8) + [0x09, 0xC3, 0xA9, 0x00]

    /// The event (with its keys' text) or the error a single line parses to.
    static func outcome(_ line: [UInt8]) -> String {
        let batch = EventParser.parseAll(format: .json, text: line + [0x0A])
        if let event = batch.events.first {
            let keys = [event.endpoint, event.principal, event.sourceIP, event.destination, event.jobID].map {
                $0.isPresent ? batch.string(for: $0) : "-"
            }
            return "\(event.timeMillis) \(event.bytes) \(event.records) \(event.syntheticRecords) \(event.status) "
                + "\(event.kind) \(event.provenance) \(event.resourceID) \(keys)"
        }
        return ParseErrorReason.allCases.filter { batch.errors[$0] > 0 }.map(\.name).joined(separator: ",")
    }

    static func spaced(_ line: [UInt8]) -> [UInt8] { [line[0], 0x09] + line.dropFirst() }

    /// The events (with their keys' text) and error counts of `lines` parsed in one batch.
    struct Outcomes: Equatable {
        var events: [String] = []
        var errors: [String: Int64] = [:]
    }

    static func outcomes(_ lines: [[UInt8]]) -> Outcomes {
        let batch = EventParser.parseAll(format: .json, text: lines.flatMap { $0 + [0x0A] })
        var result = Outcomes()
        result.events = batch.events.map { event in
            let keys = [event.endpoint, event.principal, event.sourceIP, event.destination, event.jobID].map {
                $0.isPresent ? batch.string(for: $0) : "-"
            }
            return "\(event.timeMillis) \(event.bytes) \(event.records) \(event.syntheticRecords) \(event.status) "
                + "\(event.kind) \(event.provenance) \(event.resourceID) \(keys)"
        }
        for reason in ParseErrorReason.allCases where batch.errors[reason] > 0 {
            result.errors[reason.name] = batch.errors[reason]
        }
        return result
    }

    /// What the full scanner makes of each of `lines` parsed alone, summed up.
    static func fullOutcomes(_ lines: [[UInt8]]) -> Outcomes {
        var result = Outcomes()
        for line in lines {
            let alone = outcomes([spaced(line)])
            result.events += alone.events
            result.errors.merge(alone.errors, uniquingKeysWith: +)
        }
        return result
    }

    @Test func baseLinesParseAlikeBothWays() {
        for text in Self.baseLines {
            let line = Array(text.utf8)
            #expect(Self.outcome(line) == Self.outcome(Self.spaced(line)), "\(text)")
        }
        #expect(Self.outcome(Array(Self.baseLines[0].utf8)).hasPrefix("1772496300079 579668 200 0 200"))
        #expect(Self.outcome(Array(Self.baseLines[6].utf8)).hasPrefix("1772496300079 5796 1 0 200"))
        #expect(Self.outcome(Array(Self.baseLines[7].utf8)).hasPrefix("1772496300000 0 0 0 404"))
    }

    /// Quotes on every position of a 64-byte word of the quote map, lines ending on every position of the last
    /// word, and a quote as the very last byte before `}`.
    @Test func quotesAtEveryPositionOfTheMap() {
        for padding in 0..<140 {
            let text = #"{"ts":"2026-03-03T00:05:00Z","path":"/a","principal":""# + String(repeating: "x", count: padding)
                + #"","src_ip":"10.0.0.1"}"#
            let line = Array(text.utf8)
            let fast = Self.outcome(line)
            #expect(fast == Self.outcome(Self.spaced(line)), "\(padding)")
            #expect(fast.contains(String(repeating: "x", count: padding) + "\", \"10.0.0.1\""), "\(padding): \(fast)")
        }
    }

    /// `line` with `edits` bytes deleted, inserted or replaced at random (from ``alphabet``).
    static func mutated(_ line: [UInt8], edits: Int, generator: inout some RandomNumberGenerator) -> [UInt8] {
        var line = line
        for _ in 0..<edits {
            let position = Int(generator.next() % UInt64(line.count))
            let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
            switch generator.next() % 3 {
            case 0: line.remove(at: position)
            case 1: line.insert(byte, at: position)
            default: line[position] = byte
            }
            if line.isEmpty { line = [0x7B] }
        }
        return line
    }

    /// Lines with one or two bytes deleted, inserted or replaced (from the bytes JSON cares about), parsed both
    /// ways: the fast path must accept only what the full scanner accepts, with the same captures.
    @Test func mutatedLinesParseAlikeBothWays() {
        var generator = SystemRandomNumberGenerator()
        var differences = 0
        for round in 0..<30_000 {
            let line = Self.mutated(Array(Self.baseLines[round % Self.baseLines.count].utf8), edits: 1 + round % 2,
                                    generator: &generator)
            guard line.first == UInt8(ascii: "{") else { continue }
            let fast = Self.outcome(line)
            let full = Self.outcome(Self.spaced(line))
            if fast != full {
                differences += 1
                if differences <= 3 {
                    Issue.record("\(String(decoding: line, as: UTF8.self)): \(fast) against \(full)")
                }
            }
        }
        #expect(differences == 0)
    }

    /// A line parsed after others of its shape is checked against that shape, not walked: mutated lines after
    /// their base line (same keys, mostly the same number of quotes), after themselves, and lines of two shapes
    /// with the same number of quotes in turn must give what the full scanner gives for each line alone.
    @Test func linesAfterOthersOfTheirShapeParseAsAlone() {
        var generator = SystemRandomNumberGenerator()
        var differences = 0
        for round in 0..<20_000 {
            let base = Array(Self.baseLines[round % Self.baseLines.count].utf8)
            let line = Self.mutated(base, edits: 1 + round % 2, generator: &generator)
            guard line.first == UInt8(ascii: "{") else { continue }
            for lines in [[base, line], [line, line, base]] {
                let fast = Self.outcomes(lines)
                let full = Self.fullOutcomes(lines)
                if fast != full {
                    differences += 1
                    if differences <= 3 {
                    Issue.record("\(String(decoding: line, as: UTF8.self)): \(fast) against \(full)")
                }
                }
            }
        }
        #expect(differences == 0)
        // Same number of quotes (so the same slot), other keys or kinds: each line is still read as itself.
        let turns = [
            #"{"ts":"2026-03-03T00:05:00Z","path":"/a","status":200,"bytes":10}"#,
            #"{"ts":"2026-03-03T00:05:01Z","path":"/b","bytes":20,"status":404}"#,
            #"{"ts":"2026-03-03T00:05:02Z","path":"/c","status":"500","bytes":30}"#,
            #"{"ts": "2026-03-03T00:05:03Z", "path": "/d", "status": 201, "bytes": 40}"#,
        ].map { Array($0.utf8) }
        let lines = (0..<12).map { turns[$0 % turns.count] }
        #expect(Self.outcomes(lines) == Self.fullOutcomes(lines))
        let firstFields = Self.outcomes(lines).events.prefix(4).map {
            $0.split(separator: " ").prefix(5).joined(separator: " ")
        }
        #expect(firstFields == [
            "1772496300000 10 0 0 200", "1772496301000 20 0 0 404", "1772496302000 30 0 0 500",
            "1772496303000 40 0 0 201",
        ])
    }
}
