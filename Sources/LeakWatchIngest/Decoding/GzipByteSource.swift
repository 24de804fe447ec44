import CZlib

/// Streaming gzip decoding with zlib, reading every member of a multi-member file (`cat a.gz b.gz`).
final class GzipByteSource: DecodedByteSource {
    private let input: FileInput
    /// Heap-allocated: zlib keeps a pointer back to the `z_stream` and checks it on every call.
    private let stream: UnsafeMutablePointer<z_stream>
    private var memberInProgress = false
    private var pendingError: IngestError?
    private(set) var frameBoundaryOffset: Int64 = 0
    private(set) var framesCompleted: Int64 = 0

    init(input: FileInput) throws(IngestError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 32: any window size, gzip or zlib header detected automatically.
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw IngestError(.unreadableFile, path: input.path, detail: "inflateInit2 failed (\(status))")
        }
        self.input = input
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    var compressedBytesRead: Int64 { input.bytesRead }

    func decode(into destination: UnsafeMutableRawPointer, capacity: Int) throws(IngestError) -> Int {
        if let pendingError { throw pendingError }
        let capacity = min(capacity, Int(UInt32.max))
        stream.pointee.next_out = destination.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(capacity)
        var produced: Int { capacity - Int(stream.pointee.avail_out) }
        while stream.pointee.avail_out > 0 {
            if input.available == 0 && !input.reachedEnd {
                try input.refill()
            }
            let offered = input.available
            stream.pointee.next_in = (input.buffer + input.start).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_in = UInt32(min(offered, Int(UInt32.max)))
            let producedBefore = produced
            let status = inflate(stream, Z_NO_FLUSH)
            let consumed = min(offered, Int(UInt32.max)) - Int(stream.pointee.avail_in)
            input.start += consumed
            if consumed > 0 { memberInProgress = true }
            switch status {
            case Z_STREAM_END:
                framesCompleted += 1
                frameBoundaryOffset = input.consumedOffset
                memberInProgress = false
                inflateReset(stream)
            case Z_OK, Z_BUF_ERROR:
                guard input.available == 0 && input.reachedEnd && consumed == 0 && produced == producedBefore else {
                    continue
                }
                guard memberInProgress else { return produced }  // clean end between members
                let error = IngestError(
                    .truncatedFrame,
                    path: input.path,
                    byteOffset: frameBoundaryOffset,
                    detail: "file ends inside a gzip member at byte \(input.consumedOffset)"
                )
                return try deliver(produced, orThrow: error)
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                let error = IngestError(
                    .corruptFrame,
                    path: input.path,
                    byteOffset: frameBoundaryOffset,
                    detail: "\(message) (decoding stopped near byte \(input.consumedOffset))"
                )
                return try deliver(produced, orThrow: error)
            }
        }
        return produced
    }

    /// Returns `produced` if positive and keeps `error` for the next call, else throws it now.
    private func deliver(_ produced: Int, orThrow error: IngestError) throws(IngestError) -> Int {
        pendingError = error
        guard produced > 0 else { throw error }
        return produced
    }
}
