extension LogTailer {
    /// Matches the files the patterns name now against the known files: by device and inode first (a renamed file
    /// is the same file), then, for new inodes, by checkpoint entry or by content fingerprint (a copy).
    func discover(now: Double) {
        var newFiles: [(path: String, status: FileStatus)] = []
        var seen: Set<FileKey> = []
        for (path, status) in visibleFiles() where seen.insert(status.key).inserted {
            if let file = filesByKey[status.key] {
                file.path = path
                file.visibleStatus = status
            } else {
                newFiles.append((path, status))
            }
        }
        for file in files {
            file.isVisible = seen.contains(file.identity.key)
            if !file.isVisible { file.visibleStatus = nil }
        }
        var unresolved: [TailedFile] = []
        for (path, status) in newFiles {
            guard let opened = open(path, expecting: status.key) else { continue }
            let (file, resumed) = resumeOrStart(path: path, status: status, opened: opened, now: now)
            file.visibleStatus = status
            files.append(file)
            filesByKey[status.key] = file
            if !resumed { unresolved.append(file) }
        }
        for file in unresolved {
            matchCopy(file)
        }
    }

    /// Every regular file the patterns name now, in pattern order, each directory's files sorted by path. A pattern
    /// or directory that cannot be read is reported once (until it can be read again).
    private func visibleFiles() -> [(String, FileStatus)] {
        var result: [(String, FileStatus)] = []
        for pattern in patterns {
            var paths = [pattern]
            if Glob.isPattern(pattern) {
                do throws(IngestError) {
                    paths = try Glob.paths(matching: pattern)
                    unreadablePaths.remove(pattern)
                } catch {
                    reportUnreadable(pattern, error)
                    continue
                }
            }
            for path in paths {
                guard let status = FileStatus(path: path) else { continue }
                if status.isRegularFile {
                    result.append((path, status))
                } else if status.isDirectory {
                    var found: [InputFile] = []
                    do throws(IngestError) {
                        try DirectoryWalker.regularFiles(under: path, into: &found)
                        unreadablePaths.remove(path)
                    } catch {
                        reportUnreadable(path, error)
                    }
                    for file in found.sorted(by: { $0.path < $1.path }) {
                        if let status = FileStatus(path: file.path), status.isRegularFile {
                            result.append((file.path, status))
                        }
                    }
                }
            }
        }
        return result
    }

    /// Opens `path`, checking it is still the file discovery saw (it may have been replaced in between).
    private func open(_ path: String, expecting key: FileKey) -> OpenedFile? {
        let opened: OpenedFile
        do {
            opened = try OpenedFile(path: path)
        } catch {
            reportUnreadable(path, error)
            return nil
        }
        unreadablePaths.remove(path)
        guard opened.status?.key == key else { return nil }  // replaced since it was listed: next poll
        return opened
    }

    private func reportUnreadable(_ path: String, _ error: IngestError) {
        if unreadablePaths.insert(path).inserted { record(.unreadable, path: path, error: error) }
    }

    /// A new inode: the file saved in the checkpoint under this device and inode if its first bytes are the same,
    /// otherwise a new file read from its start.
    private func resumeOrStart(
        path: String, status: FileStatus, opened: OpenedFile, now: Double
    ) -> (file: TailedFile, resumed: Bool) {
        if let index = unmatchedEntries.firstIndex(where: { $0.identity.key == status.key }) {
            let entry = unmatchedEntries[index]
            if opened.fingerprint(length: entry.identity.fingerprint.length) == entry.identity.fingerprint {
                unmatchedEntries.remove(at: index)
                record(.resumed, path: path)
                return (TailedFile(entry: entry, path: path, opened: opened, now: now), true)
            }
            // Same inode, other content: truncated or replaced while we were stopped. The entry stays unmatched,
            // so that a copy of the old content (copytruncate) can still take its position.
            record(.truncated, path: path)
        } else {
            record(.discovered, path: path)
        }
        let identity = FileIdentity(key: status.key, fingerprint: opened.fingerprint(length: options.fingerprintBytes))
        return (TailedFile(identity: identity, path: path, position: .start, opened: opened, now: now), false)
    }

    /// A new file that starts with the same bytes as a known file is a copy of it (the copy step of
    /// copytruncate): it continues from the original's position instead of from its start; while the original is
    /// still followed in place, the copy waits (see ``releaseCopies(of:)``). The bytes compared are those the
    /// original's fingerprint covers; they must be at least ``TailOptions/minimumCopyFingerprintBytes`` or reach
    /// the original's position (then every byte the copy skips is known to be the same).
    private func matchCopy(_ file: TailedFile) {
        guard let opened = file.opened else { return }
        var prefixes: [Int: ContentFingerprint] = [:]
        func startsLikeCopy(of known: TailCheckpoint.Entry) -> Bool {
            let saved = known.identity.fingerprint
            let coversReadBytes = Int64(saved.length) >= known.position.offset
            guard saved.length > 0, saved.length >= options.minimumCopyFingerprintBytes || coversReadBytes,
                saved.length <= file.identity.fingerprint.length
            else { return false }
            if prefixes[saved.length] == nil { prefixes[saved.length] = opened.fingerprint(length: saved.length) }
            return prefixes[saved.length] == saved
        }
        func fingerprintLength(_ index: Int) -> Int { unmatchedEntries[index].identity.fingerprint.length }
        let entry = unmatchedEntries.indices
            .filter { startsLikeCopy(of: unmatchedEntries[$0]) }
            .max { fingerprintLength($0) < fingerprintLength($1) }
        if let entry {
            let saved = unmatchedEntries.remove(at: entry)
            adopt(file, position: saved.position, compression: saved.compression)
            return
        }
        let original = files
            .filter { $0 !== file && $0.copyOf == nil && startsLikeCopy(of: $0.entry) }
            .max { $0.identity.fingerprint.length < $1.identity.fingerprint.length }
        guard let original else { return }
        if original.isFinished {
            adopt(file, position: original.position, compression: original.compression)
        } else {
            file.copyOf = original.identity.key
            file.closeSession()
        }
    }

    /// Starts `file` (a copy) at its original's position. A copy made before the original was read that far
    /// holds nothing new: it is finished at once.
    func adopt(_ file: TailedFile, position: TailPosition, compression: Compression?) {
        file.copyOf = nil
        file.position = position
        file.compression = compression
        file.isRotated = true
        record(.copyAdopted, path: file.path)
        if let size = file.opened?.status?.size, size < position.offset {
            file.close()
            file.isFinished = true
            file.knownSize = size
        }
    }

    /// The copies waiting for `original` continue from its position now (it was truncated, finished or forgotten).
    func releaseCopies(of original: TailedFile) {
        for file in files where file.copyOf == original.identity.key {
            adopt(file, position: original.position, compression: original.compression)
        }
    }
}
