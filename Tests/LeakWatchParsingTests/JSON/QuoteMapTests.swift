@testable import LeakWatchParsing
import Testing

/// The quote bitmap of the JSON fast path is built by vector code in C on x86-64 and by Swift SIMD code
/// elsewhere; both must give the bitmap a byte-by-byte loop gives, and notice any backslash.
@Suite struct QuoteMapTests {
    /// One bit per `"`, and whether a backslash occurs, byte by byte.
    static func reference(_ bytes: [UInt8]) -> (words: [UInt64], clean: Bool) {
        var words = [UInt64](repeating: 0, count: (bytes.count + 63) / 64)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") {
            words[index / 64] |= 1 << UInt64(index % 64)
        }
        return (words, !bytes.contains(UInt8(ascii: "\\")))
    }

    static func mapped(
        _ bytes: [UInt8],
        by map: (UnsafeRawBufferPointer, UnsafeMutablePointer<UInt64>) -> Bool
    ) -> (words: [UInt64], clean: Bool) {
        let wordCount = (bytes.count + 63) / 64
        // Stale bits in the scratch must not survive: every word the line covers is overwritten.
        var words = [UInt64](repeating: ~0, count: CompactLineScanner.mapWords)
        let clean = bytes.withUnsafeBytes { line in
            words.withUnsafeMutableBufferPointer { map(line, $0.baseAddress!) }
        }
        return (Array(words.prefix(wordCount)), clean)
    }

    @Test func vectorAndPortableMapsMatchTheByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "a"), UInt8(ascii: ":"), 0x00, 0xFF, 0x22 + 1]
        let lengths = Array(1...200) + [255, 256, 257, 1_000, CompactLineScanner.maximumLength]
        for length in lengths {
            for round in 0..<8 {
                var bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                // Half of the rounds hold one backslash, somewhere.
                if round % 2 == 1 { bytes[Int(generator.next() % UInt64(length))] = UInt8(ascii: "\\") }
                let expected = Self.reference(bytes)
                let vector = Self.mapped(bytes) { CompactLineScanner.mapQuotes($0, into: $1) }
                let portable = Self.mapped(bytes) { CompactLineScanner.mapQuotesPortably($0, into: $1) }
                #expect(vector.words == expected.words && vector.clean == expected.clean, "length \(length)")
                #expect(portable.words == expected.words && portable.clean == expected.clean, "length \(length)")
            }
        }
    }

    @Test func aLineOfQuotesOnlySetsEveryBitItCovers() {
        for length in [1, 31, 32, 33, 63, 64, 65, 127, 128, 129] {
            let bytes = [UInt8](repeating: UInt8(ascii: "\""), count: length)
            let vector = Self.mapped(bytes) { CompactLineScanner.mapQuotes($0, into: $1) }
            #expect(vector.words == Self.reference(bytes).words, "length \(length)")
            #expect(vector.words.reduce(0) { $0 + $1.nonzeroBitCount } == length)
        }
    }
}
