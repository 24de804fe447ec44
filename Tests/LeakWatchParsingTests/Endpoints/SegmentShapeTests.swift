import LeakWatchParsing
import Testing

/// `SegmentRules.classify` decides UUIDs and plain words with word-wide checks before the byte loops; it must give
/// exactly what the byte loops give, for every segment.
@Suite struct SegmentShapeTests {
    /// What the byte-by-byte rules say about `segment`.
    static func byteByByte(_ rules: SegmentRules, _ segment: UnsafeRawBufferPointer) -> Placeholder {
        segment.count < rules.shortLength && segment.count != 10
            ? rules.classifyShort(segment) : rules.classifyLong(segment)
    }

    static func check(_ rules: SegmentRules, _ segment: [UInt8]) -> Bool {
        // The segment sits inside a larger buffer, as in a line, so that reads past its ends would show.
        let padded = [UInt8](repeating: UInt8(ascii: "0"), count: 9) + segment
            + [UInt8](repeating: UInt8(ascii: "@"), count: 9)
        return padded.withUnsafeBytes { buffer in
            let slice = UnsafeRawBufferPointer(rebasing: buffer[9..<(9 + segment.count)])
            return rules.classify(slice) == byteByByte(rules, slice)
        }
    }

    @Test func knownSegments() {
        let rules = SegmentRules(.init())
        let cases: [(String, Placeholder)] = [
            ("api", .none), ("orders", .none), ("customers", .none), ("v2", .none), ("48213", .id),
            ("C123456", .id), ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", .uuid),
            ("3F2504E0-4F89-11D3-9A0C-0305E82C3301", .uuid), ("3f2504e0-4f89-11d3-9a0c-0305e82c330g", .token),
            ("3f2504e0-4f89-11d3-9a0c_0305e82c3301", .token), ("jane@example.com", .email), ("jane%40x", .email),
            ("abcdefghijklmnopq", .none), ("2026-03-02", .date), ("deadbeefcafe1234", .hex),
        ]
        for (text, expected) in cases {
            let placeholder = Array(text.utf8).withUnsafeBytes { rules.classify($0) }
            #expect(placeholder == expected, "\(text)")
            #expect(Self.check(rules, Array(text.utf8)), "\(text)")
        }
    }

    /// Random segments over the bytes the rules care about (digits, hex and other letters, `-`, `@`, `%`, `4`, `0`,
    /// token punctuation, bytes from 0x80) under several rule sets; and a UUID with each of its bytes changed to
    /// each byte of the alphabet.
    @Test func randomSegmentsMatchTheByteLoops() {
        // A failure names the segment, so a random one can be turned into a known case.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789abcdefABCDEFghxyzGZ-@%_.+=~".utf8) + [0x80, 0xC3, 0xE9, 0xFF, 0x20, 0x60, 0x7B]
        let ruleSets: [SegmentRules] = [
            SegmentRules(.init()), SegmentRules(.init(hexMinLength: 4, tokenMinLength: 6)),
            SegmentRules(.init(uuids: false, emails: false)),
            SegmentRules(.init(numericIDs: false, hexStrings: false, tokens: false, dates: false)),
        ]
        let uuid = Array("3f2504e0-4f89-11d3-9a0c-0305e82c3301".utf8)
        for _ in 0..<20_000 {
            let length = 1 + Int(generator.next() % 40)
            let segment = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            for rules in ruleSets where !Self.check(rules, segment) {
                Issue.record("classify differs from the byte loops for \(segment)")
                return
            }
        }
        for position in 0..<uuid.count {
            for byte in alphabet {
                var segment = uuid
                segment[position] = byte
                #expect(Self.check(SegmentRules(.init()), segment), "\(segment)")
            }
        }
    }
}
