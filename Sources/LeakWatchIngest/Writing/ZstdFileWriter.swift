import CZstd

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a zstd-compressed file as a sequence of independent frames (one every `frameBytes` of input), the
/// way rotating log writers do, so that a reader can start or resume at any frame boundary.
package struct ZstdFileWriter: ~Copyable {
    private let context: OpaquePointer
    private let descriptor: Int32
    private let path: String
    private let frameBytes: Int
    private var bytesInFrame = 0
    private var output: [UInt8]

    /// Creates (or truncates) `path`.
    /// - Parameters:
    ///   - path: file to write.
    ///   - level: zstd compression level.
    ///   - frameBytes: uncompressed bytes per frame before a new frame is started.
    /// - Throws: ``IngestError`` with code `.unreadableFile` if the file cannot be created.
    package init(path: String, level: Int32 = 3, frameBytes: Int = 8 << 20) throws(IngestError) {
        guard let context = ZSTD_createCCtx() else {
            throw IngestError(.compressionFailed, path: path, detail: "ZSTD_createCCtx failed")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            ZSTD_freeCCtx(context)
            throw IngestError(.unreadableFile, path: path, detail: String(cString: strerror(errno)))
        }
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
        self.context = context
        self.descriptor = descriptor
        self.path = path
        self.frameBytes = max(1, frameBytes)
        self.output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
    }

    deinit {
        ZSTD_freeCCtx(context)
        close(descriptor)
    }

    /// Compresses and writes `bytes`; a frame is ended once it holds at least `frameBytes`.
    package mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IngestError) {
        guard bytes.count > 0 else { return }
        var input = ZSTD_inBuffer(src: bytes.baseAddress, size: bytes.count, pos: 0)
        while input.pos < input.size {
            try pump(&input, mode: ZSTD_e_continue)
        }
        bytesInFrame += bytes.count
        if bytesInFrame >= frameBytes {
            try endFrame()
        }
    }

    /// Convenience for byte arrays.
    package mutating func write(_ bytes: [UInt8]) throws(IngestError) {
        var failure: IngestError?
        bytes.withUnsafeBytes { raw in
            do throws(IngestError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Ends the current frame (if it holds anything), so everything written so far is decodable.
    package mutating func endFrame() throws(IngestError) {
        guard bytesInFrame > 0 else { return }
        var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try pump(&input, mode: ZSTD_e_end) != 0 {}
        bytesInFrame = 0
    }

    /// Ends the last frame and flushes; the descriptor is closed on deinit.
    package mutating func finish() throws(IngestError) {
        try endFrame()
        if fsync(descriptor) != 0 && errno != EINVAL {
            throw IngestError(.unreadableFile, path: path, detail: String(cString: strerror(errno)))
        }
    }

    @discardableResult
    private mutating func pump(_ input: inout ZSTD_inBuffer, mode: ZSTD_EndDirective) throws(IngestError) -> Int {
        let capacity = output.count
        let result: (remaining: Int, produced: Int) = output.withUnsafeMutableBytes { raw in
            var out = ZSTD_outBuffer(dst: raw.baseAddress, size: capacity, pos: 0)
            let remaining = ZSTD_compressStream2(context, &out, &input, mode)
            return (remaining, out.pos)
        }
        if ZSTD_isError(result.remaining) != 0 {
            throw IngestError(
                .compressionFailed, path: path, detail: String(cString: ZSTD_getErrorName(result.remaining)))
        }
        try writeAll(count: result.produced)
        return result.remaining
    }

    private func writeAll(count: Int) throws(IngestError) {
        var written = 0
        while written < count {
            let n = output.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + written, count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError(.unreadableFile, path: path, detail: String(cString: strerror(errno)))
            }
            written += n
        }
    }
}
