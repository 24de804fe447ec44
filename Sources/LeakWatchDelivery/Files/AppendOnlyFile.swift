#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeakWatchAlerting

/// A file opened for appending (created if missing, with its directory), synced on request.
///
/// Owned by one actor; the descriptor is closed by ``close()`` or when the object goes away.
final class AppendOnlyFile {
    let path: String
    private var descriptor: Int32

    /// Opens `path` for appending.
    /// - Throws: ``DeliveryError`` `fileUnwritable` when the file or its directory cannot be created.
    init(path: String) throws(DeliveryError) {
        self.path = path
        try FileSystem.createDirectory(FileSystem.parent(of: path))
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw FileSystem.error(path, "cannot open for appending", errno) }
    }

    deinit { close() }

    /// Appends `bytes` in one go (a short write is continued).
    func append(_ bytes: [UInt8]) throws(DeliveryError) {
        guard descriptor >= 0 else { throw FileSystem.error(path, "is closed", EBADF) }
        let failure = FileDescriptorWriter.writeAll(descriptor, bytes)
        guard failure == 0 else { throw FileSystem.error(path, "cannot append", failure) }
    }

    /// Makes what was appended durable (`fsync`).
    func sync() throws(DeliveryError) {
        guard descriptor >= 0 else { return }
        guard fsync(descriptor) == 0 else { throw FileSystem.error(path, "cannot fsync", errno) }
    }

    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }
}
