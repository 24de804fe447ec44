import Glibc

/// Reads one file (plain, gzip or zstd) as blocks of complete lines, decoding straight into the block's storage.
///
/// One reader per open file, used by one thread at a time (it is deliberately not `Sendable`). Each
/// ``fill(_:targetBytes:)`` replaces the block's content: the partial line left over from the previous fill is
/// copied to the front (a small copy, at most `maxLineBytes`), then decoded bytes are written after it until the
/// block holds about `targetBytes` of complete lines.
///
/// Damage (a truncated or corrupt frame, a read error) is reported after the good lines: the fill that meets it
/// returns the complete lines decoded before it, and the next fill throws. Once thrown, every later fill throws
/// the same error.
package final class LineBlockReader {
    /// The file being read.
    package let file: InputFile
    /// The format found from the file's first bytes.
    package let compression: Compression
    /// Longest line delivered, not counting the newline; longer lines are dropped and counted.
    package let maxLineBytes: Int
    /// How decoded bytes are cut into records (one per line).
    package let framing: RecordFraming
    /// Counters for this file so far.
    package internal(set) var stats = IngestStats()
    /// Seconds spent in ``fill(_:targetBytes:)``, and the part of them spent finding line ends.
    package internal(set) var timing = FillTiming()

    private let source: any DecodedByteSource
    /// The partial last line of the previous fill, placed at the front of the next block.
    private var carry: UnsafeMutableRawPointer
    private var carryCount = 0
    /// Dropping the rest of an over-long line: discard bytes up to the next newline (record end for CSV).
    var skippingLongLine = false
    /// Quote parity where the dropped part of an over-long CSV record stopped.
    var skipInQuotes = false
    /// The decoder reported a clean end of input.
    private var inputEnded = false
    /// A followed (growing) file: a decoder returning no bytes means "nothing more yet", so the partial last line
    /// is kept for a later fill instead of being completed. Clear it to finish the file.
    var followsGrowth = false
    /// Damage met during a fill that still delivered lines; thrown by the next fill, and every one after it.
    private var failure: IngestError?
    private var failureIsDue = false

    /// Opens `file`, reads its first bytes and picks the decoder.
    ///
    /// - Parameters:
    ///   - file: the file to read.
    ///   - maxLineBytes: longest line to deliver (excluding the newline); longer lines are skipped.
    ///   - readChunkBytes: size of each `read(2)` (compressed input buffer, or plain read straight into the block).
    ///   - framing: how records are cut (default: one per line).
    /// - Throws: ``IngestError`` `.unreadableFile` if the file cannot be opened or read.
    package convenience init(
        file: InputFile, maxLineBytes: Int = 1 << 20, readChunkBytes: Int = 1 << 20, framing: RecordFraming = .lines
    ) throws(IngestError) {
        let (compression, decoded) = try Self.openSource(file, readChunkBytes: max(1, readChunkBytes))
        self.init(
            file: file, compression: compression,
            source: framing == .jsonRecords ? JSONRecordsSource(decoded) : decoded,
            maxLineBytes: maxLineBytes, framing: framing)
    }

    /// Frames the bytes of `source`, already opened and positioned by the caller (the tailer resuming mid-file).
    ///
    /// - Parameter insideLongLine: the first bytes continue an over-long line being dropped: discard them up to
    ///   and including the first newline.
    init(
        file: InputFile,
        compression: Compression,
        source: any DecodedByteSource,
        maxLineBytes: Int,
        framing: RecordFraming = .lines,
        insideLongLine: Bool = false
    ) {
        self.file = file
        self.compression = compression
        self.source = source
        self.maxLineBytes = max(1, maxLineBytes)
        self.framing = framing
        skippingLongLine = insideLongLine
        carry = UnsafeMutableRawPointer.allocate(byteCount: self.maxLineBytes, alignment: 16)
    }

    deinit {
        carry.deallocate()
    }

    /// Compressed offset just after the last completed zstd frame or gzip member (bytes read so far for plain
    /// files); a checkpoint can resume decoding there.
    package var frameBoundaryOffset: Int64 { source.frameBoundaryOffset }

    /// Decoded bytes dealt with: delivered in lines or dropped (the partial line kept for the next fill is not).
    var consumedBytes: Int64 { stats.rawBytes - Int64(carryCount) }

    /// Whether the bytes after ``consumedBytes`` continue an over-long line being dropped.
    var isInsideLongLine: Bool { skippingLongLine }

    /// Replaces the content of `block` with the next complete lines of the file.
    ///
    /// Decoding stops once at least `targetBytes` of complete lines are in the block, or the input ends. A last
    /// line without a newline gets one. The block grows only if one line needs it, and never beyond
    /// `targetBytes + maxLineBytes + 1` bytes.
    ///
    /// - Parameters:
    ///   - block: storage to overwrite; no other thread may read it during the call.
    ///   - targetBytes: how many bytes of lines to gather before returning.
    /// - Returns: false when the file is exhausted and the block is empty; true otherwise.
    /// - Throws: ``IngestError`` `.truncatedFrame` or `.corruptFrame` (with the offset of the last good frame end
    ///   and the library's message) or `.unreadableFile`, on the fill after the one that delivered the last good
    ///   lines (or at once if there were none).
    package func fill(_ block: LineBlock, targetBytes: Int) throws(IngestError) -> Bool {
        let started = MonotonicClock.seconds()
        defer { timing.fill += MonotonicClock.seconds() - started }
        block.count = 0
        if let failure, failureIsDue { throw failure }
        if inputEnded && carryCount == 0 { return false }
        let target = max(1, targetBytes)
        let capacityLimit = target + maxLineBytes + 1
        let carried = carryCount
        if block.capacity < carried + 1 {
            block.reserve(min(capacityLimit, max(carried + 1, block.capacity * 2)), preserving: 0)
        }
        if carried > 0 {
            block.base.copyMemory(from: carry, byteCount: carried)
            carryCount = 0
        }
        var scan = LineScan(lineEnd: 0, used: carried)
        while scan.lineEnd < target {
            if scan.used == block.capacity {
                // absorb() keeps the partial line <= maxLineBytes, so a full block below the limit can grow
                // and a block at the limit already holds more than `target` bytes of lines.
                block.reserve(min(capacityLimit, max(block.capacity * 2, 64 << 10)), preserving: scan.used)
            }
            let room = block.capacity - scan.used
            guard room > 0 else { break }  // unreachable by the argument above; never pass 0 (it reads as EOF)
            let wanted = min(room, max(target - scan.used, 64 << 10))
            let produced: Int
            do {
                produced = try source.decode(into: block.base + scan.used, capacity: wanted)
            } catch {
                discardPartialLineAtDamage(&scan)
                failure = error
                break
            }
            if produced == 0 {
                if followsGrowth { break }
                finishLastLine(block, &scan)
                inputEnded = true
                break
            }
            stats.rawBytes += Int64(produced)
            let splitStarted = MonotonicClock.seconds()
            if framing == .csv {
                absorbCSV(block, &scan, newBytes: produced)
            } else {
                absorb(block, &scan, newBytes: produced)
            }
            timing.split += MonotonicClock.seconds() - splitStarted
        }
        if failure == nil && !inputEnded {
            keepPartialLine(block, scan)
        }
        stats.compressedBytesRead = source.compressedBytesRead
        if let records = source as? JSONRecordsSource { stats.rawBytes = records.decodedBytes }
        stats.frames = source.framesCompleted
        block.count = scan.lineEnd
        if scan.lineEnd == 0 {
            if let failure {
                failureIsDue = true
                throw failure
            }
            return false
        }
        failureIsDue = failure != nil
        return true
    }

    /// Positions inside the block during a fill: `0..<lineEnd` are complete lines, `lineEnd..<used` a partial one.
    struct LineScan {
        var lineEnd: Int
        var used: Int
    }

    /// Takes `newBytes` just decoded at `scan.used`: drops over-long lines, moves `lineEnd` past the last
    /// newline and counts the new lines.
    private func absorb(_ block: LineBlock, _ scan: inout LineScan, newBytes: Int) {
        let base = block.base
        let regionStart = scan.used
        scan.used += newBytes
        if skippingLongLine {
            // The tail of a dropped line: discard through the next newline.
            guard let newline = ByteSearch.first(0x0A, in: base + regionStart, count: newBytes) else {
                scan.used = regionStart
                return
            }
            let rest = newBytes - newline - 1
            if rest > 0 { memmove(base + regionStart, base + regionStart + newline + 1, rest) }
            scan.used = regionStart + rest
            skippingLongLine = false
        }
        var lineStart = scan.lineEnd
        // Any line wholly inside a window of maxLineBytes + 1 bytes is short enough, so one memrchr per window
        // validates all lines in it; only a window without a newline holds an over-long line.
        let window = maxLineBytes + 1
        while lineStart < scan.used {
            let span = min(scan.used - lineStart, window)
            if let newline = ByteSearch.last(0x0A, in: base + lineStart, count: span) {
                lineStart += newline + 1
                continue
            }
            guard span == window else { break }  // a partial line that may still be completed
            stats.linesTooLong += 1
            let searchFrom = lineStart + window
            guard let newline = ByteSearch.first(0x0A, in: base + searchFrom, count: scan.used - searchFrom) else {
                scan.used = lineStart
                skippingLongLine = true
                break
            }
            let resume = searchFrom + newline + 1
            let rest = scan.used - resume
            if rest > 0 { memmove(base + lineStart, base + resume, rest) }
            scan.used = lineStart + rest
        }
        scan.lineEnd = lineStart
    }

    /// At a clean end of input, completes a last line that has no newline.
    private func finishLastLine(_ block: LineBlock, _ scan: inout LineScan) {
        skippingLongLine = false
        guard scan.used > scan.lineEnd else { return }
        if scan.used == block.capacity {
            block.reserve(scan.used + 1, preserving: scan.used)
        }
        block.base.storeBytes(of: 0x0A, toByteOffset: scan.used, as: UInt8.self)
        scan.used += 1
        scan.lineEnd = scan.used
    }

    /// At damage, the partial line cannot be completed: drop it.
    private func discardPartialLineAtDamage(_ scan: inout LineScan) {
        if scan.used > scan.lineEnd {  // while skipping, used == lineEnd: that line was already counted
            stats.linesDroppedAtDamage += 1
        }
        skippingLongLine = false
        scan.used = scan.lineEnd
    }

    /// Saves the partial last line for the next fill (it is at most `maxLineBytes`, see `absorb`).
    private func keepPartialLine(_ block: LineBlock, _ scan: LineScan) {
        let partial = scan.used - scan.lineEnd
        guard partial > 0 else { return }
        carry.copyMemory(from: block.base + scan.lineEnd, byteCount: partial)
        carryCount = partial
    }
}
