import Glibc

/// An open file descriptor and the buffer compressed bytes are read into.
///
/// The unread bytes are `buffer[start..<end]`; `bufferOffset` is the file offset of `buffer[0]`, so the offset of
/// the next byte to decode is ``consumedOffset``.
final class FileInput {
    let path: String
    private let descriptor: Int32
    let buffer: UnsafeMutableRawPointer
    let bufferCapacity: Int
    var start = 0
    var end = 0
    private(set) var bufferOffset: Int64 = 0
    /// Bytes read from the descriptor so far.
    private(set) var bytesRead: Int64 = 0
    /// Set when the last `read` returned 0 (a growing file may return more later).
    private(set) var reachedEnd = false

    /// Opens `path` read-only.
    /// - Throws: ``IngestError`` `.unreadableFile` with the `strerror` text.
    convenience init(path: String, bufferCapacity: Int) throws(IngestError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IngestError(.unreadableFile, path: path, detail: String(cString: strerror(errno)))
        }
        self.init(descriptor: descriptor, path: path, bufferCapacity: bufferCapacity)
    }

    /// Reads from `descriptor`, which the input owns from now on and closes on deinit.
    init(descriptor: Int32, path: String, bufferCapacity: Int) {
        self.path = path
        self.descriptor = descriptor
        self.bufferCapacity = max(64, bufferCapacity)
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: self.bufferCapacity, alignment: 64)
    }

    /// Continues reading at file offset `offset`, dropping anything buffered (a tailer resuming at a checkpoint).
    /// - Throws: ``IngestError`` `.unreadableFile` if the descriptor cannot seek.
    func seek(to offset: Int64) throws(IngestError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw IngestError(.unreadableFile, path: path, byteOffset: offset, detail: String(cString: strerror(errno)))
        }
        bufferOffset = offset
        start = 0
        end = 0
        reachedEnd = false
    }

    deinit {
        buffer.deallocate()
        close(descriptor)
    }

    /// Unread bytes in the buffer.
    var available: Int { end - start }

    /// File offset of the next unread byte.
    var consumedOffset: Int64 { bufferOffset + Int64(start) }

    /// Reads until at least `minimum` bytes are buffered or the file ends (used for the magic-number prefix).
    func readPrefix(minimum: Int) throws(IngestError) {
        while available < minimum && !reachedEnd {
            _ = try refill()
        }
    }

    /// Moves unread bytes to the front and reads more after them.
    /// - Returns: the number of bytes read; 0 means the end of the file.
    @discardableResult
    func refill() throws(IngestError) -> Int {
        if start > 0 {
            let unread = available
            if unread > 0 {
                memmove(buffer, buffer + start, unread)  // the regions may overlap
            }
            bufferOffset += Int64(start)
            start = 0
            end = unread
        }
        let count = try readDirect(into: buffer + end, count: bufferCapacity - end)
        end += count
        return count
    }

    /// Reads up to `count` bytes into `destination`, bypassing the buffer (plain files read straight into blocks).
    /// - Returns: the bytes read; 0 at the end of the file.
    func readDirect(into destination: UnsafeMutableRawPointer, count: Int) throws(IngestError) -> Int {
        guard count > 0 else { return 0 }
        while true {
            let result = read(descriptor, destination, count)
            if result > 0 {
                bytesRead += Int64(result)
                reachedEnd = false
                return result
            }
            if result == 0 {
                reachedEnd = true
                return 0
            }
            if errno == EINTR { continue }
            throw IngestError(
                .unreadableFile,
                path: path,
                byteOffset: bytesRead,
                detail: String(cString: strerror(errno))
            )
        }
    }
}
