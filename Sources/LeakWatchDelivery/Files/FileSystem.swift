#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LeakWatchAlerting

/// The few POSIX file operations the sinks and the outbox need, with errors as ``DeliveryError``.
enum FileSystem {
    /// The directory part of `path` (`.` when there is none).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `directory` and its parents if missing.
    static func createDirectory(_ directory: String) throws(DeliveryError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DeliveryError(.fileUnwritable, subject: directory, detail: "cannot create directory (\(error))")
        }
    }

    /// Writes `bytes` to `path` so that after a crash the file is either absent or complete: a temporary file
    /// beside it is written, fsynced and renamed over it, then the directory is fsynced.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DeliveryError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw error(temporary, "cannot create", errno) }
        let failure = FileDescriptorWriter.writeAll(descriptor, bytes)
        let synced = failure == 0 ? fsync(descriptor) : 0
        let syncError = errno
        _ = close(descriptor)
        guard failure == 0 else {
            unlink(temporary)
            throw error(temporary, "cannot write", failure)
        }
        guard synced == 0 else {
            unlink(temporary)
            throw error(temporary, "cannot fsync", syncError)
        }
        guard rename(temporary, path) == 0 else {
            let renameError = errno
            unlink(temporary)
            throw error(path, "cannot rename into place", renameError)
        }
        syncDirectory(parent(of: path))
    }

    /// Makes a rename or unlink in `directory` durable; best effort (some file systems refuse it).
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// The whole file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// Names of the entries of `directory` (not sorted), or nil when it cannot be listed.
    static func list(_ directory: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: directory)
    }

    static func error(_ path: String, _ what: String, _ code: Int32) -> DeliveryError {
        DeliveryError(.fileUnwritable, subject: path, detail: "\(what): \(String(cString: strerror(code)))")
    }
}
