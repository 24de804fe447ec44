#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded on-disk queue of webhook batches that survives restarts.
///
/// Each batch is one file `<sequence>.batch` holding a header line `LWOB1 <webhook-id> <alerts> <body bytes>` and
/// the request body. Files are written to a temporary name, fsynced and renamed, so after a crash a batch is
/// either complete or absent. A batch leaves the queue only when the receiver accepted it (2xx) or refused it
/// for good (dead letter). When adding a batch would exceed the size limit the oldest batches are dropped and
/// reported. Files that cannot be read back are renamed `.corrupt` and counted, never silently removed.
/// A lock file keeps a second process from using the same directory.
package final class Outbox {
    /// One queued batch (the body stays on disk).
    package struct Entry: Equatable, Sendable {
        package var sequence: UInt64
        /// The `webhook-id`, the same on every attempt.
        package var id: String
        package var alerts: Int
        /// Size of the file.
        package var bytes: Int
    }

    package let directory: String
    package let maximumBytes: Int
    package private(set) var entries: [Entry] = []
    package private(set) var totalBytes = 0
    /// Files set aside as `.corrupt` since the outbox was opened.
    package private(set) var corruptFiles = 0
    private var nextSequence: UInt64 = 1
    private var lockDescriptor: Int32 = -1

    /// Opens (creating if needed) the outbox in `directory` and loads the batches left by an earlier run.
    /// - Throws: ``DeliveryError`` when the directory cannot be created or another process holds it.
    package init(directory: String, maximumBytes: Int) throws(DeliveryError) {
        self.directory = directory
        self.maximumBytes = maximumBytes
        try FileSystem.createDirectory(directory)
        let lockPath = directory + "/.lock"
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockDescriptor >= 0 else { throw FileSystem.error(lockPath, "cannot open", errno) }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            _ = Glibc.close(lockDescriptor)
            lockDescriptor = -1
            throw DeliveryError(.outboxLocked, subject: directory, detail: "another leakwatch process uses it")
        }
        load()
    }

    deinit { close() }

    /// Releases the directory lock (the batches stay on disk).
    package func close() {
        guard lockDescriptor >= 0 else { return }
        _ = Glibc.close(lockDescriptor)
        lockDescriptor = -1
    }

    package var alerts: Int { entries.reduce(0) { $0 + $1.alerts } }

    /// Adds a batch at the end, durably.
    /// - Returns: the batches dropped (oldest first) to stay within the size limit; the new batch itself when it
    ///   alone is over the limit.
    package func append(id: String, alerts: Int, body: [UInt8]) throws(DeliveryError) -> [Entry] {
        let bytes = Array("LWOB1 \(id) \(alerts) \(body.count)\n".utf8) + body
        let entry = Entry(sequence: nextSequence, id: id, alerts: alerts, bytes: bytes.count)
        guard bytes.count <= maximumBytes else { return [entry] }
        var dropped: [Entry] = []
        while totalBytes + bytes.count > maximumBytes, let oldest = entries.first {
            remove(oldest)
            dropped.append(oldest)
        }
        try FileSystem.writeAtomically(bytes, to: path(of: entry))
        nextSequence += 1
        entries.append(entry)
        totalBytes += entry.bytes
        return dropped
    }

    /// The request body of a queued batch; nil (and the file set aside as `.corrupt`) when it cannot be read back.
    package func body(of entry: Entry) -> [UInt8]? {
        if let file = FileSystem.read(path(of: entry)), let parsed = Self.parse(file), parsed.id == entry.id {
            return parsed.body
        }
        setAside(path(of: entry))
        forget(entry)
        return nil
    }

    /// Removes a batch (delivered, dead-lettered or dropped).
    package func remove(_ entry: Entry) {
        unlink(path(of: entry))
        forget(entry)
    }

    private func forget(_ entry: Entry) {
        guard let index = entries.firstIndex(where: { $0.sequence == entry.sequence }) else { return }
        totalBytes -= entries[index].bytes
        entries.remove(at: index)
    }

    private func path(of entry: Entry) -> String {
        let digits = String(entry.sequence)
        return directory + "/" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".batch"
    }

    private func load() {
        for name in (FileSystem.list(directory) ?? []).sorted() {
            let path = directory + "/" + name
            if name.hasSuffix(".batch.tmp") {
                unlink(path)  // a write that did not finish: its batch was never acknowledged to the caller
                continue
            }
            guard name.hasSuffix(".batch"), let sequence = UInt64(name.dropLast(6)) else { continue }
            guard let file = FileSystem.read(path), let parsed = Self.parse(file) else {
                setAside(path)
                continue
            }
            entries.append(Entry(sequence: sequence, id: parsed.id, alerts: parsed.alerts, bytes: file.count))
            totalBytes += file.count
            nextSequence = max(nextSequence, sequence + 1)
        }
    }

    private func setAside(_ path: String) {
        if rename(path, path + ".corrupt") == 0 { corruptFiles += 1 }
    }

    /// Header and body of a batch file, or nil when the header is malformed or the body length is wrong.
    static func parse(_ file: [UInt8]) -> (id: String, alerts: Int, body: [UInt8])? {
        guard let newline = file.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let header = String(decoding: file[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 4, header[0] == "LWOB1", let alerts = Int(header[2]), let length = Int(header[3]),
            file.count - newline - 1 == length
        else { return nil }
        return (String(header[1]), alerts, Array(file[(newline + 1)...]))
    }
}
