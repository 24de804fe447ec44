extension LogTailer {
    /// The next batch of lines of `file`, or nil if it has none now. Finishes a rotated file once it is idle and
    /// read to its end, and reads a gzip file once it has settled.
    func read(_ file: TailedFile, into block: LineBlock, now: Double) -> TailBatch? {
        guard file.copyOf == nil, !file.isFinished, let compression = file.compression, let opened = file.opened
        else { return nil }
        if file.position.seekingFrame && !findNextFrame(file, opened: opened) {
            if isIdleRotated(file, now: now) { finish(file) }
            return nil
        }
        if compression == .gzip && now - file.lastChange < options.gzipSettleSeconds { return nil }
        do throws(IngestError) {
            let session: TailSession
            if let open = file.session {
                session = open
            } else {
                session = try openSession(file, opened: opened, compression: compression)
            }
            guard try session.skipDeliveredBytes() else {
                if isIdleRotated(file, now: now) { session.stopFollowing() }
                if !session.follows { finishDamaged(file, IngestError(.truncatedFrame, path: file.path)) }
                return nil
            }
            while true {
                let delivered = try session.reader.fill(block, targetBytes: options.batchBytes)
                file.position = session.position()
                file.isCaughtUp = !delivered
                if delivered {
                    return TailBatch(file: file.identity, path: file.path, block: block, position: file.position)
                }
                if !session.follows {
                    finish(file)
                    return nil
                }
                guard isIdleRotated(file, now: now) else { return nil }
                session.stopFollowing()  // and read once more: the last line without a newline, if any
            }
        } catch {
            handleDamage(file, error, opened: opened)
            return nil
        }
    }

    private func openSession(
        _ file: TailedFile, opened: OpenedFile, compression: Compression
    ) throws(IngestError) -> TailSession {
        let session = try TailSession(
            file: opened, path: file.path, compression: compression, position: file.position,
            follows: compression != .gzip, options: options)
        file.session = session
        return session
    }

    /// A file rotated away (or a rotated copy) that has not changed for ``TailOptions/rotatedIdleSeconds``.
    private func isIdleRotated(_ file: TailedFile, now: Double) -> Bool {
        file.isRotated && now - file.lastChange >= options.rotatedIdleSeconds
    }

    /// Read to its end: close it, remember its size, and let waiting copies continue.
    func finish(_ file: TailedFile) {
        file.close()
        file.isFinished = true
        file.knownSize = max(file.lastSize, 0)
        record(.finished, path: file.path)
        releaseCopies(of: file)
    }

    private func finishDamaged(_ file: TailedFile, _ error: IngestError) {
        record(.damaged, path: file.path, error: error)
        finish(file)
    }

    /// A corrupt zstd frame: resume at the next frame magic after the damaged frame's start. Anything else
    /// (a gzip file cut short or corrupt, a zstd file ending inside a frame once rotated, a read error): the file
    /// is finished where the good lines end, and read again only if it changes.
    private func handleDamage(_ file: TailedFile, _ error: IngestError, opened: OpenedFile) {
        file.closeSession()
        if error.code == .corruptFrame && file.compression == .zstd {
            record(.damaged, path: file.path, error: error)
            let damagedFrame = error.byteOffset ?? file.position.offset
            file.position = TailPosition(offset: damagedFrame + 1, seekingFrame: true)
            _ = findNextFrame(file, opened: opened)
        } else if error.code == .unreadableFile {
            record(.unreadable, path: file.path, error: error)
            finish(file)
        } else {
            finishDamaged(file, error)
        }
    }

    /// Looks for the next zstd frame magic from the file's position on; found: reading resumes there.
    private func findNextFrame(_ file: TailedFile, opened: OpenedFile) -> Bool {
        let found = FrameMagicScanner.nextFrame(in: opened, from: file.position.offset, size: max(file.lastSize, 0))
        file.position = TailPosition(offset: found.offset, seekingFrame: !found.isFrame)
        return found.isFrame
    }
}
