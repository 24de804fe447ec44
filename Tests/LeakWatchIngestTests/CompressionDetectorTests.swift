import LeakWatchIngest
import Testing

@Suite("CompressionDetector")
struct CompressionDetectorTests {
    @Test(
        "magic bytes decide the format",
        arguments: [
            ([0x28, 0xB5, 0x2F, 0xFD, 0x04], Compression.zstd),
            ([0x50, 0x2A, 0x4D, 0x18, 0x00], .zstd),
            ([0x5F, 0x2A, 0x4D, 0x18], .zstd),
            ([0x60, 0x2A, 0x4D, 0x18], .plain),
            ([0x1F, 0x8B, 0x08], .gzip),
            ([0x1F, 0x8B], .gzip),
            ([0x1F], .plain),
            ([0x28, 0xB5, 0x2F], .plain),
            ([], .plain),
            (Array("{\"a\":1}\n".utf8), .plain),
        ] as [([UInt8], Compression)]
    )
    func detects(prefix: [UInt8], expected: Compression) {
        let detected = prefix.withUnsafeBytes { CompressionDetector.detect($0) }
        #expect(detected == expected)
    }
}
