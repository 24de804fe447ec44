import Glibc

/// A read-only descriptor the tailer keeps open on a followed file, so that it can finish reading the file after
/// a rename or an unlink. Closed on deinit.
final class OpenedFile {
    let descriptor: Int32
    /// The name it was opened under (for messages).
    let path: String

    /// Opens `path` read-only.
    /// - Throws: ``IngestError`` `.unreadableFile` with the `strerror` text.
    init(path: String) throws(IngestError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IngestError(.unreadableFile, path: path, detail: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// Current `fstat(2)` facts, nil if the call fails.
    var status: FileStatus? { FileStatus(descriptor: descriptor) }

    /// A new descriptor on the same open file, for a reader that closes its own (it shares the file offset).
    /// - Throws: ``IngestError`` `.unreadableFile` if `dup(2)` fails.
    func duplicateDescriptor() throws(IngestError) -> Int32 {
        let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else {
            throw IngestError(.unreadableFile, path: path, detail: String(cString: strerror(errno)))
        }
        return copy
    }

    /// Reads up to `count` bytes at `offset` with `pread(2)`, without moving the file offset.
    /// - Returns: the bytes read (fewer at the end of the file; empty on an error).
    func bytes(at offset: Int64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        result.withUnsafeMutableBytes { buffer in
            while filled < count {
                let got = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                if got > 0 {
                    filled += got
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        result.removeLast(count - filled)
        return result
    }

    /// The fingerprint of the first `length` bytes, or of the whole file if it is shorter.
    func fingerprint(length: Int) -> ContentFingerprint {
        bytes(at: 0, count: length).withUnsafeBytes { ContentFingerprint(of: $0) }
    }
}
