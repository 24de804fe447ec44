/// Decides the ``Compression`` of a file from its first bytes (magic numbers only, never the file name).
package enum CompressionDetector {
    /// The number of prefix bytes ``detect(_:)`` needs to decide; fewer means `.plain` unless gzip matches.
    package static let prefixBytes = 4

    /// Returns the compression format announced by `prefix`, the first bytes of a file.
    ///
    /// - Parameter prefix: the file's first bytes (at least ``prefixBytes`` for zstd to be recognised).
    /// - Returns: `.zstd` for a zstd frame magic (`0xFD2FB528`, little endian) or a skippable frame magic
    ///   (`0x184D2A50`...`0x184D2A5F`), `.gzip` for `1F 8B`, `.plain` otherwise.
    package static func detect(_ prefix: UnsafeRawBufferPointer) -> Compression {
        if prefix.count >= 4 {
            let magic =
                UInt32(prefix[0]) | UInt32(prefix[1]) << 8 | UInt32(prefix[2]) << 16 | UInt32(prefix[3]) << 24
            if magic == zstdFrameMagic || isSkippableFrameMagic(magic) {
                return .zstd
            }
        }
        if prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B {
            return .gzip
        }
        return .plain
    }

    /// The magic number of a zstd data frame.
    static let zstdFrameMagic: UInt32 = 0xFD2F_B528

    /// Whether `magic` starts a zstd skippable frame (16 magic values, `0x184D2A50`...`0x184D2A5F`).
    static func isSkippableFrameMagic(_ magic: UInt32) -> Bool {
        magic & 0xFFFF_FFF0 == 0x184D_2A50
    }
}

extension CompressionDetector {
    /// Whether `prefix`, shorter than ``prefixBytes``, could still grow into a gzip or zstd magic number.
    static func couldStartCompressed(_ prefix: [UInt8]) -> Bool {
        let gzip: [UInt8] = [0x1F, 0x8B]
        let zstd: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
        let skippable: [UInt8] = [0x50, 0x2A, 0x4D, 0x18]
        func isPrefix(of magic: [UInt8]) -> Bool {
            zip(prefix, magic).enumerated().allSatisfy { index, pair in
                index == 0 && magic == skippable ? pair.0 & 0xF0 == 0x50 : pair.0 == pair.1
            }
        }
        return isPrefix(of: gzip) || isPrefix(of: zstd) || isPrefix(of: skippable)
    }

    /// Whether a file name ends like a compressed file (`.zst`, `.zstd`, `.gz`, `.gzip`).
    static func nameSuggestsCompression(_ path: String) -> Bool {
        path.hasSuffix(".zst") || path.hasSuffix(".zstd") || path.hasSuffix(".gz") || path.hasSuffix(".gzip")
    }
}
