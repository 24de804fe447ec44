/// Finds where CSV records end: at a `\n` outside double quotes. Quote parity is enough for RFC 4180, since
/// a quote inside a quoted field comes doubled (two toggles).
package enum CSVRecordEnds {
    /// The index just past the first record-ending `\n` in `base[from..<to]`, or nil; `inQuotes` is the parity
    /// at `from` and is left as it is at the returned index (or at `to`).
    @inline(__always)
    static func next(_ base: UnsafeRawPointer, from: Int, to: Int, inQuotes: inout Bool) -> Int? {
        var index = from
        var quoted = inQuotes
        defer { inQuotes = quoted }
        while index < to {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index &+= 1
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: "\n") && !quoted {
                return index
            }
        }
        return nil
    }

    /// Cuts `bytes` (whole CSV records) into `chunks` ranges that end on record ends, for parallel parsing.
    /// - Returns: `chunks + 1` offsets from 0 to `bytes.count`.
    package static func chunkBounds(_ bytes: UnsafeRawBufferPointer, chunks: Int) -> [Int] {
        var bounds = [0]
        let count = bytes.count
        guard let base = bytes.baseAddress else { return Array(repeating: 0, count: max(chunks, 1) + 1) }
        var index = 0
        var inQuotes = false
        for chunk in 1..<max(chunks, 1) {
            let target = count * chunk / chunks
            // Parity must be followed from the start, so scan on from the previous cut up to the target...
            while index < target {
                if base.load(fromByteOffset: index, as: UInt8.self) == UInt8(ascii: "\"") { inQuotes.toggle() }
                index += 1
            }
            // ...then to the next record end.
            if index > 0 && !(base.load(fromByteOffset: index - 1, as: UInt8.self) == UInt8(ascii: "\n") && !inQuotes) {
                index = next(base, from: index, to: count, inQuotes: &inQuotes) ?? count
            }
            bounds.append(index)
        }
        bounds.append(count)
        return bounds
    }
}
