import CZlib

/// A hash of a file's first bytes: tells one content from another at the same device and inode (a file truncated
/// and rewritten, an inode reused) and recognises a copy of a file under another inode (copytruncate rotation).
package struct ContentFingerprint: Sendable, Hashable {
    /// How many of the file's first bytes were hashed: the tailer's `fingerprintBytes`, or fewer while the file is
    /// shorter.
    package var length: Int
    /// CRC-32 of those bytes.
    package var checksum: UInt32

    /// Creates a fingerprint from saved values.
    package init(length: Int, checksum: UInt32) {
        self.length = length
        self.checksum = checksum
    }

    /// The fingerprint of an empty file.
    package static let empty = ContentFingerprint(length: 0, checksum: 0)

    /// The fingerprint of `bytes`.
    init(of bytes: UnsafeRawBufferPointer) {
        length = bytes.count
        checksum = Self.crc32(bytes)
    }

    /// CRC-32 (zlib's) of `bytes`; 0 for no bytes.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        // The bytes come from the caller's buffer; zlib only reads them. Counts here stay far below UInt32.max.
        let value = CZlib.crc32(0, base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        return UInt32(truncatingIfNeeded: value)
    }
}
