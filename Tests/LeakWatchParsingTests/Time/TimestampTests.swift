import LeakWatchParsing
import Testing

@Suite("Timestamps")
struct TimestampTests {
    @Test(
        "JSON timestamps to epoch milliseconds",
        arguments: [
            (#""2026-03-02T14:03:11.204Z""#, Int64(1_772_460_191_204)),
            (#""2026-03-02T14:03:11Z""#, 1_772_460_191_000),
            (#""2026-03-02t14:03:11z""#, 1_772_460_191_000),
            (#""2026-03-02 14:03:11.204Z""#, 1_772_460_191_204),
            (#""2026-03-02T14:03:11.204123456Z""#, 1_772_460_191_204),
            (#""2026-03-02T14:03:11.2Z""#, 1_772_460_191_200),
            (#""2026-03-02T16:03:11.2+02:00""#, 1_772_460_191_200),
            (#""2026-03-02T16:03:11.2+0200""#, 1_772_460_191_200),
            (#""2026-03-02T09:33:11.204-04:30""#, 1_772_460_191_204),
            (#""2026-03-02T14:03:11""#, 1_772_460_191_000),
            (#""2024-02-29T23:59:59.999Z""#, 1_709_251_199_999),
            (#""2000-03-01T00:00:00Z""#, 951_868_800_000),
            (#""1970-01-01T00:00:00Z""#, 0),
            (#""1969-12-31T23:59:59Z""#, -1000),
            ("1772460191", 1_772_460_191_000),
            ("1772460191.204", 1_772_460_191_204),
            ("1772460191204", 1_772_460_191_204),
            ("1772460191204.9", 1_772_460_191_204),
            ("1.772460191204e9", 1_772_460_191_204),
            (#""1772460191""#, 1_772_460_191_000),
            (#""1772460191204""#, 1_772_460_191_204),
            (#""1772460191.5""#, 1_772_460_191_500),
        ])
    func json(value: String, millis: Int64) throws {
        let batch = parse(#"{"ts":"# + value + #","path":"/a"}"#)
        #expect(batch.errors.total == 0)
        #expect(try #require(batch.events.first).timeMillis == millis)
    }

    /// Lines of one parse share the minute of the previous line's timestamp when their first 16 bytes match; each
    /// line must still get exactly the time (or the error) it gets on its own.
    @Test func linesOfOneMinuteEachKeepTheirOwnSecondsAndOffset() throws {
        let times = [
            "2026-03-02T14:03:11.204Z", "2026-03-02T14:03:59Z", "2026-03-02T14:03:60Z", "2026-03-02T14:03:61Z",
            "2026-03-02T14:03:11+02:00", "2026-03-02T14:03:11.5-0430", "2026-03-02T14:03:11", "2026-03-02T14:03:1Z",
            "2026-03-02T14:03:11Zjunk", "2026-03-02T14:03x11Z", "2026-03-02T14:04:00Z", "2026-03-02T15:04:00Z",
            "2026-03-03T14:04:00Z", "2026-03-03 14:04:00.001Z", "2026-02-30T10:00:00Z", "2026-02-30T10:00:01Z",
            "2026-02-28T10:00:01Z", "2026-03-02T14:03:11.204Z", "2024-02-29T23:59:59.999Z", "2026-03-02T24:00:00Z",
            "2026-03-02T14:03:11.Z",
        ]
        let text = times.map { #"{"ts":""# + $0 + #"","path":"/a"}"# + "\n" }.joined()
        let batch = EventParser.parseAll(format: .json, text: Array(text.utf8))
        let expected = times.compactMap { Timestamps.parse(rfc3339: $0) }
        #expect(expected.count == 13)
        #expect(batch.events.map(\.timeMillis) == expected)
        #expect(batch.errors[.invalidTimestamp] == Int64(times.count - expected.count))
    }

    @Test(
        "Common Log Format dates",
        arguments: [
            ("17/May/2015:10:05:43 +0000", Int64(1_431_857_143_000)),
            ("22/Dec/2016:16:30:52 +0300", 1_482_413_452_000),
            ("25/oct/2015:04:11:25 +0100", 1_445_742_685_000),
            ("31/Dec/1969:19:00:00 -0500", 0),
        ])
    func commonLog(date: String, millis: Int64) throws {
        let batch = parse(#"1.2.3.4 - - ["# + date + #"] "GET / HTTP/1.1" 200 1"#, format: .combined)
        #expect(batch.errors.total == 0)
        #expect(try #require(batch.events.first).timeMillis == millis)
    }

    /// Lines of one parse share the minute of the previous line's date when all but its seconds match; each line
    /// must still get exactly the time (or the error) it gets on its own.
    @Test func commonLogLinesOfOneMinuteEachKeepTheirOwnSecondsAndOffset() throws {
        let dates = [
            "17/May/2015:10:05:43 +0000", "17/May/2015:10:05:59 +0000", "17/May/2015:10:05:60 +0000",
            "17/May/2015:10:05:61 +0000", "17/May/2015:10:05:4x +0000", "17/May/2015:10:05:43 +0200",
            "17/May/2015:10:05:43 -0200", "17/May/2015:10:05:43 +0030", "17/May/2015:10:05:43 +0099",
            "17/May/2015:10:05:43+00000", "17/May/2015:10:05x43 +0000", "17/May/2015:10:06:00 +0000",
            "17/May/2015:11:06:00 +0000", "18/May/2015:11:06:00 +0000", "18/Jun/2015:11:06:00 +0000",
            "30/Feb/2015:10:00:00 +0000", "30/Feb/2015:10:00:01 +0000", "28/Feb/2015:10:00:01 +0000",
            "28/feb/2015:10:00:02 +0000", "28/Feb/2016:10:00:02 +0000", "17/May/2015:24:00:00 +0000",
            "17/May/2015:10:05:43 +0000",
        ]
        let text = dates.map { #"1.2.3.4 - - ["# + $0 + #"] "GET / HTTP/1.1" 200 1"# + "\n" }.joined()
        let batch = EventParser.parseAll(format: .combined, text: Array(text.utf8))
        let expected = dates.compactMap { Timestamps.parse(commonLog: $0) }
        #expect(expected.count == 14)
        #expect(expected.first == 1_431_857_143_000)
        #expect(batch.events.map(\.timeMillis) == expected)
        #expect(batch.errors[.invalidTimestamp] == Int64(dates.count - expected.count))
    }

    @Test(
        "unreadable Common Log Format dates",
        arguments: ["17/Mai/2015:10:05:43 +0000", "32/May/2015:10:05:43 +0000", "17/May/2015:10:05:43", "yesterday"])
    func badCommonLog(date: String) {
        let batch = parse(#"1.2.3.4 - - ["# + date + #"] "GET / HTTP/1.1" 200 1"#, format: .combined)
        #expect(singleError(batch) == .invalidTimestamp)
    }
}
