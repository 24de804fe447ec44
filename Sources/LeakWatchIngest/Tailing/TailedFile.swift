/// One file the tailer knows: its identity, where reading stands, and while it is followed its open descriptor
/// and reader.
final class TailedFile {
    var identity: FileIdentity
    /// The name it was last seen under.
    var path: String
    /// The name it was found by; when another file (or none) is there, this one has been rotated away.
    var discoveredPath: String
    var compression: Compression?
    var position: TailPosition
    /// Size when it was last read to its end (finished files are opened again only if they grow).
    var knownSize: Int64 = 0
    /// Read to its end and closed.
    var isFinished = false
    /// Renamed away or deleted, or a copy made by rotation: finished once idle.
    var isRotated = false
    /// Idle and read to its end: its descriptor is closed until it changes (bounds open descriptors when many
    /// finished files match the patterns).
    var isParked = false
    /// The last read found nothing new.
    var isCaughtUp = false
    /// This file is a copy of the followed file with this key, waiting for the original to be truncated or
    /// finished before it continues from the original's position.
    var copyOf: FileKey?
    /// Matched by the patterns in the latest discovery.
    var isVisible = true
    /// Status from the latest discovery (finished files are not open).
    var visibleStatus: FileStatus?
    /// Open while the file is followed.
    var opened: OpenedFile?
    var session: TailSession?
    /// Size and modification time at the last poll, and when either last changed (tailer clock, seconds).
    var lastSize: Int64 = -1
    var lastModified: Int64 = -1
    var lastChange: Double
    /// Counters of the readers closed so far.
    var closedStats = IngestStats()

    init(identity: FileIdentity, path: String, position: TailPosition, opened: OpenedFile?, now: Double) {
        self.identity = identity
        self.path = path
        discoveredPath = path
        self.position = position
        self.opened = opened
        lastChange = now
    }

    /// Restores a file saved in a checkpoint.
    convenience init(entry: TailCheckpoint.Entry, path: String, opened: OpenedFile?, now: Double) {
        self.init(identity: entry.identity, path: path, position: entry.position, opened: opened, now: now)
        discoveredPath = entry.discoveredPath
        compression = entry.compression
        knownSize = entry.knownSize
        isFinished = entry.isFinished
        isRotated = entry.isRotated
        if isFinished { self.opened = nil }
    }

    /// The file as a checkpoint entry.
    var entry: TailCheckpoint.Entry {
        TailCheckpoint.Entry(
            identity: identity, path: path, discoveredPath: discoveredPath, compression: compression,
            position: position, knownSize: knownSize, isFinished: isFinished, isRotated: isRotated)
    }

    /// Counters of every reader this file has had, the open one included.
    var stats: IngestStats {
        var total = closedStats
        if let session { total.add(session.reader.stats) }
        return total
    }

    /// Drops the reader (its partial line is read again from ``position`` by the next one).
    func closeSession() {
        if let session { closedStats.add(session.reader.stats) }
        session = nil
    }

    /// Closes the reader and the descriptor.
    func close() {
        closeSession()
        opened = nil
    }
}
