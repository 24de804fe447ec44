extension LogTailer {
    /// Looks at one file before reading: growth, truncation or changed content, rotation away from its name, the
    /// format of a new file, and whether a finished file has grown again.
    func refresh(_ file: TailedFile, now: Double) {
        guard file.copyOf == nil else { return }
        if file.isFinished {
            reopenIfGrown(file, now: now)
            return
        }
        if file.isParked {
            wakeIfChanged(file, now: now)
            if file.isParked { return }
        }
        guard let opened = file.opened, let status = opened.status else { return }
        if status.size != file.lastSize || status.modifiedNanoseconds != file.lastModified {
            file.lastSize = status.size
            file.lastModified = status.modifiedNanoseconds
            file.lastChange = now
        }
        let gzipRead = file.compression == .gzip ? file.knownSize : 0
        let readEnd = max(file.position.offset, file.session?.readEnd ?? 0, gzipRead)
        let saved = file.identity.fingerprint
        if status.size < readEnd || opened.fingerprint(length: saved.length) != saved {
            restartTruncated(file, opened: opened)
        } else if saved.length < options.fingerprintBytes && status.size > Int64(saved.length) {
            file.identity.fingerprint = opened.fingerprint(length: options.fingerprintBytes)
        }
        if !file.isRotated && FileStatus(path: file.discoveredPath)?.key != file.identity.key {
            file.isRotated = true
            record(.rotated, path: file.path)
        }
        if file.compression == nil {
            decideCompression(file, opened: opened, size: status.size)
        }
        let idle = now - file.lastChange >= options.idleCloseSeconds
        if idle && (file.isCaughtUp || file.compression == nil) && !file.isRotated && file.compression != .gzip {
            file.close()
            file.isParked = true
        }
    }

    /// A parked file is opened again by its name when it changed or is no longer under the name it was found by
    /// (to be finished as rotated); one that no pattern matches any more is let go.
    private func wakeIfChanged(_ file: TailedFile, now: Double) {
        guard let status = file.visibleStatus else {
            file.isParked = false
            file.isFinished = true
            return
        }
        let changed = status.size != file.lastSize || status.modifiedNanoseconds != file.lastModified
        let moved = FileStatus(path: file.discoveredPath)?.key != file.identity.key
        guard changed || moved else { return }
        guard let opened = try? OpenedFile(path: file.path), opened.status?.key == file.identity.key else { return }
        file.opened = opened
        file.isParked = false
        file.isCaughtUp = false
    }

    /// The file shrank below what was read, or its first bytes changed (copytruncate, or rewritten in place):
    /// waiting copies take over the old position, and the file is read again from its start.
    private func restartTruncated(_ file: TailedFile, opened: OpenedFile) {
        record(.truncated, path: file.path)
        releaseCopies(of: file)
        file.closeSession()
        file.position = .start
        file.compression = nil
        file.knownSize = 0
        file.identity.fingerprint = opened.fingerprint(length: options.fingerprintBytes)
    }

    /// Decides plain, gzip or zstd from the first bytes once there are enough of them. A file named `.zst` or
    /// `.gz` that does not start like one is reported and skipped until it changes.
    private func decideCompression(_ file: TailedFile, opened: OpenedFile, size: Int64) {
        let prefix = opened.bytes(at: 0, count: CompressionDetector.prefixBytes)
        let compression = prefix.withUnsafeBytes { CompressionDetector.detect($0) }
        if prefix.count < CompressionDetector.prefixBytes && CompressionDetector.couldStartCompressed(prefix) {
            return  // too short to tell yet
        }
        if compression == .plain && CompressionDetector.nameSuggestsCompression(file.path) {
            record(.notCompressed, path: file.path)
            file.knownSize = size
            file.isFinished = true
            file.close()
            return
        }
        file.compression = compression
    }

    /// A finished file is opened again when it grows (or is rewritten); its identity must still match.
    private func reopenIfGrown(_ file: TailedFile, now: Double) {
        guard let status = file.visibleStatus, status.size != file.knownSize else { return }
        guard let opened = try? OpenedFile(path: file.path), opened.status?.key == file.identity.key else { return }
        file.opened = opened
        file.isFinished = false
        file.lastChange = now
        refresh(file, now: now)
    }
}
