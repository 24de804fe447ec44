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
                #if arch(x86_64)
                let sse2 = Self.mapped(bytes) { CompactLineScanner.mapQuotesWithSSE2($0, into: $1) }
                #expect(sse2.words == expected.words && sse2.clean == expected.clean, "length \(length)")
                #endif
                #expect(portable.words == expected.words && portable.clean == expected.clean, "length \(length)")
            }
        }
    }

    /// The vector code reads a line's last word whole where that stays on the page (bytes past the line are then
    /// read but must not count), and copies it out near the end of a page. Lines in a page-aligned buffer, ending
    /// on every byte of the page's last 128 and followed by quotes and backslashes.
    @Test func bytesPastTheLineNeverCount() {
        let page = 4096
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 2 * page, alignment: page)
        defer { buffer.deallocate() }
        var generator = SystemRandomNumberGenerator()
        var maps: [(String, (UnsafeRawBufferPointer, UnsafeMutablePointer<UInt64>) -> Bool)] = [
            ("portable", CompactLineScanner.mapQuotesPortably)
        ]
        #if arch(x86_64)
        maps += [("vector", CompactLineScanner.mapQuotes), ("sse2", CompactLineScanner.mapQuotesWithSSE2)]
        #endif
        for end in (page - 128)...page {
            for length in [1, 17, 63, 64, 65, 100, 300] {
                let start = end - length
                let bytes = (0..<length).map { _ in [UInt8(ascii: "\""), UInt8(ascii: "a")][Int(generator.next() % 2)] }
                let filler = (0..<(2 * page - end)).map { [UInt8(ascii: "\""), UInt8(ascii: "\\")][$0 % 2] }
                (buffer + start).copyMemory(from: bytes, byteCount: length)
                (buffer + end).copyMemory(from: filler, byteCount: filler.count)
                let line = UnsafeRawBufferPointer(start: buffer + start, count: length)
                let expected = Self.reference(bytes)
                for (name, map) in maps {
                    var words = [UInt64](repeating: ~0, count: CompactLineScanner.mapWords)
                    let clean = words.withUnsafeMutableBufferPointer { map(line, $0.baseAddress!) }
                    let covered = Array(words.prefix((length + 63) / 64))
                    #expect(covered == expected.words && clean, "\(name): length \(length) ending at \(end)")
                }
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
