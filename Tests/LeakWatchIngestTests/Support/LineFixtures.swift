import LeakWatchTestSupport

/// The oracle: splits `bytes` at `\n`; a last line without a newline counts as a line.
func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
    return lines
}

/// `count` numbered JSON-ish log lines, each ending in `\n`.
func numberedLines(_ count: Int, prefix: String = "line") -> [UInt8] {
    var text = ""
    for index in 0..<count {
        text += "{\"\(prefix)\":\(index),\"path\":\"/api/v1/items/\(index % 97)\",\"status\":200}\n"
    }
    return Array(text.utf8)
}

/// Lines of random lengths in `lengths` (printable ASCII), each ending in `\n`.
func randomLines(count: Int, lengths: ClosedRange<Int>, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    // Slices of one random printable table at random offsets: cheap enough for debug builds.
    let table = (0..<(lengths.upperBound + 4096)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
    var bytes: [UInt8] = []
    for _ in 0..<count {
        let length = Int.random(in: lengths, using: &generator)
        let offset = Int.random(in: 0..<4096, using: &generator)
        bytes += table[offset..<(offset + length)]
        bytes.append(0x0A)
    }
    return bytes
}

/// Text as lines of bytes, for comparisons.
func byteLines(_ lines: String...) -> [[UInt8]] {
    lines.map { Array($0.utf8) }
}
