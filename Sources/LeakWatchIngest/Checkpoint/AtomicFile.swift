import Glibc

/// Whole-file writes that a crash cannot leave half done, and the matching reads.
package enum AtomicFile {
    /// Replaces `path` with `bytes`: writes `path.tmp` in the same directory, fsyncs it, renames it over `path`
    /// and fsyncs the directory, so that after a crash `path` holds the old bytes or the new ones.
    /// - Throws: ``StateError`` naming the step that failed and the `strerror` text.
    package static func write(_ bytes: [UInt8], to path: String) throws(StateError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(temporary, "cannot be created") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let error = failure(temporary, "cannot be written")
                close(descriptor)
                throw error
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let error = failure(temporary, "cannot be synced")
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(temporary, "cannot be closed") }
        guard rename(temporary, path) == 0 else { throw failure(path, "cannot be replaced") }
        let directory = Self.directory(of: path)
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else { throw failure(directory, "cannot be opened to sync") }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else { throw failure(directory, "cannot be synced") }
    }

    /// The bytes of `path`, or nil if it does not exist.
    /// - Throws: ``StateError`` if it exists but cannot be read.
    package static func read(_ path: String) throws(StateError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "cannot be opened")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure(path, "cannot be read") }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func failure(_ path: String, _ problem: String) -> StateError {
        StateError(path: path, problem: "\(problem): \(String(cString: strerror(errno)))")
    }
}
