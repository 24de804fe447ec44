import LeakWatchIngest

/// Everything one pass of ``LineBlockReader`` produced, with the block contract checked along the way.
struct BlockReadResult {
    var bytes: [UInt8] = []
    var lines: [[UInt8]] = []
    var blocks = 0
    var error: IngestError?
    var stats = IngestStats()
    var frameBoundaryOffset: Int64 = 0
    var contractViolations: [String] = []
}

/// Reads `path` block by block with the given sizes and checks every block: it ends in `\n`, no line exceeds `maxLineBytes`, and its storage stays within `targetBytes + maxLineBytes + 1`.
func readBlocks(
    _ path: String,
    targetBytes: Int = 64 << 10,
    maxLineBytes: Int = 1 << 20,
    readChunkBytes: Int = 1 << 20,
    blockCapacity: Int = 16
) throws -> BlockReadResult {
    let reader = try LineBlockReader(
        file: InputFile(path: path, size: 0),
        maxLineBytes: maxLineBytes,
        readChunkBytes: readChunkBytes
    )
    let block = LineBlock(capacity: blockCapacity)
    var result = BlockReadResult()
    do {
        while try reader.fill(block, targetBytes: targetBytes) {
            result.blocks += 1
            block.withBytes { bytes in
                let chunk = Array(bytes)
                result.bytes += chunk
                if chunk.last != 0x0A { result.contractViolations.append("block \(result.blocks) lacks final \\n") }
                let lines = splitLines(chunk)
                if let long = lines.first(where: { $0.count > maxLineBytes }) {
                    result.contractViolations.append("block \(result.blocks): line of \(long.count) bytes")
                }
                result.lines += lines
            }
            if block.capacity > max(blockCapacity, targetBytes + maxLineBytes + 1) {
                result.contractViolations.append("block grew to \(block.capacity)")
            }
        }
    } catch {
        result.error = error
    }
    result.stats = reader.stats
    result.frameBoundaryOffset = reader.frameBoundaryOffset
    return result
}
