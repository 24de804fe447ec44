import CZstd

/// Streaming zstd decoding with one `ZSTD_DCtx` (from ``ZstdContextPool``), across any number of data and skippable
/// frames.
///
/// `ZSTD_decompressStream` returns 0 exactly when a frame (data or skippable) is finished and flushed and never
/// starts the next frame in the same call, so frame boundaries are seen one call at a time.
final class ZstdByteSource: DecodedByteSource {
    private let input: FileInput
    private let context: OpaquePointer
    /// Input of the current frame has been consumed and its end not yet seen.
    private var frameInProgress = false
    /// First bytes (little endian) of the current frame, to tell skippable frames from data frames.
    private var frameMagic: UInt32 = 0
    private var frameMagicBytes = 0
    /// The last call filled the output buffer, so libzstd may hold decoded bytes still to flush.
    private var outputMayBePending = false
    /// Damage found after some bytes of the same call were already produced; thrown on the next call.
    private var pendingError: IngestError?
    private(set) var frameBoundaryOffset: Int64
    private(set) var framesCompleted: Int64 = 0
    /// Decoded bytes returned so far.
    private(set) var decodedBytes: Int64 = 0
    /// A followed (growing) file: the end of the input is only the end for now, and a frame cut there waits for
    /// more bytes instead of failing as truncated.
    var followsGrowth = false
    /// Whether to note every frame end in ``frameEnds`` (a tailer maps checkpoint positions to frame boundaries).
    var recordsFrameEnds = false
    /// Frame ends seen since the caller last emptied the list, oldest first (only while ``recordsFrameEnds``).
    var frameEnds: [FrameEnd] = []

    /// Where a frame ended: the compressed file offset, and the decoded bytes produced up to that point.
    struct FrameEnd: Hashable {
        var fileOffset: Int64
        var decodedOffset: Int64
    }

    init(input: FileInput) throws(IngestError) {
        guard let context = ZstdContextPool.take() else {
            throw IngestError(.unreadableFile, path: input.path, detail: "ZSTD_createDCtx failed")
        }
        self.input = input
        self.context = context
        frameBoundaryOffset = input.consumedOffset
    }

    deinit {
        ZstdContextPool.give(context)
    }

    var compressedBytesRead: Int64 { input.bytesRead }

    func decode(into destination: UnsafeMutableRawPointer, capacity: Int) throws(IngestError) -> Int {
        if let pendingError { throw pendingError }
        var output = ZSTD_outBuffer(dst: destination, size: capacity, pos: 0)
        defer { decodedBytes += Int64(output.pos) }
        while output.pos < output.size {
            if input.available == 0 && (followsGrowth || !input.reachedEnd) {
                try input.refill()
            }
            // Following: no new bytes and nothing left to flush. libzstd must not be called then, since calls without
            // progress inside a frame eventually fail ("no forward progress").
            if followsGrowth && input.available == 0 && !outputMayBePending { break }
            let source = input.buffer + input.start
            var chunk = ZSTD_inBuffer(src: source, size: input.available, pos: 0)
            let producedBefore = output.pos
            let result = ZSTD_decompressStream(context, &output, &chunk)
            outputMayBePending = output.pos == output.size
            if ZSTD_isError(result) != 0 {
                let stoppedAt = input.consumedOffset + Int64(chunk.pos)
                let error = IngestError(
                    .corruptFrame,
                    path: input.path,
                    byteOffset: frameBoundaryOffset,
                    detail: "\(String(cString: ZSTD_getErrorName(result))) (decoding stopped near byte \(stoppedAt))"
                )
                return try deliver(output.pos, orThrow: error)
            }
            if chunk.pos > 0 {
                noteFrameStart(source, consumed: chunk.pos)
                input.start += chunk.pos
                frameInProgress = true
            }
            if result == 0 && frameInProgress {
                if !CompressionDetector.isSkippableFrameMagic(frameMagic) || frameMagicBytes < 4 {
                    framesCompleted += 1
                }
                frameBoundaryOffset = input.consumedOffset
                if recordsFrameEnds {
                    let decodedOffset = decodedBytes + Int64(output.pos)
                    frameEnds.append(FrameEnd(fileOffset: frameBoundaryOffset, decodedOffset: decodedOffset))
                }
                frameInProgress = false
                frameMagic = 0
                frameMagicBytes = 0
                continue
            }
            if input.available == 0 && input.reachedEnd && chunk.pos == 0 && output.pos == producedBefore {
                guard frameInProgress && !followsGrowth else { break }  // clean end between frames, or wait for more
                let error = IngestError(
                    .truncatedFrame,
                    path: input.path,
                    byteOffset: frameBoundaryOffset,
                    detail: "file ends inside a zstd frame at byte \(input.consumedOffset)"
                )
                return try deliver(output.pos, orThrow: error)
            }
        }
        return output.pos
    }

    /// Returns `produced` if positive and keeps `error` for the next call, else throws it now.
    private func deliver(_ produced: Int, orThrow error: IngestError) throws(IngestError) -> Int {
        pendingError = error
        guard produced > 0 else { throw error }
        return produced
    }

    /// Records the first four consumed bytes of a frame (they may arrive over several calls).
    private func noteFrameStart(_ source: UnsafeRawPointer, consumed: Int) {
        var index = 0
        while frameMagicBytes < 4 && index < consumed {
            frameMagic |= UInt32(source.load(fromByteOffset: index, as: UInt8.self)) << (8 * frameMagicBytes)
            frameMagicBytes += 1
            index += 1
        }
    }
}
