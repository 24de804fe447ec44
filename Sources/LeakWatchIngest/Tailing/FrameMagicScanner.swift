/// Finds the next zstd data-frame magic number in a file, to resume after a corrupt frame.
enum FrameMagicScanner {
    /// Searches `file` from `offset` to `size`.
    /// - Returns: the offset of the first magic and `isFrame` true; or, if there is none yet, the offset from which
    ///   a later search must start (the last three bytes may begin a magic still being written) and `isFrame` false.
    static func nextFrame(in file: OpenedFile, from offset: Int64, size: Int64) -> (offset: Int64, isFrame: Bool) {
        let magic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
        let chunkBytes = 64 << 10
        var start = offset
        while size - start >= Int64(magic.count) {
            let chunk = file.bytes(at: start, count: Int(min(Int64(chunkBytes), size - start)))
            guard chunk.count >= magic.count else { break }
            let found: Int? = chunk.withUnsafeBytes { bytes in
                var index = 0
                while let hit = ByteSearch.first(magic[0], in: bytes.baseAddress! + index, count: bytes.count - index) {
                    let at = index + hit
                    guard at + magic.count <= bytes.count else { return nil }
                    if bytes[at + 1] == magic[1] && bytes[at + 2] == magic[2] && bytes[at + 3] == magic[3] { return at }
                    index = at + 1
                }
                return nil
            }
            if let found { return (start + Int64(found), true) }
            start += Int64(chunk.count - (magic.count - 1))
        }
        return (start, false)
    }
}
