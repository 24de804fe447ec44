/// Complete lines read from one file by one ``LogTailer/poll(now:)``, and where that file stands after them.
package struct TailBatch: Sendable {
    /// The file the lines come from.
    package var file: FileIdentity
    /// The name the file was last seen under.
    package var path: String
    /// The lines: whole lines, each ending in `\n`, at most `maxLineBytes` each. Valid until the next poll, which
    /// reuses the storage.
    package var block: LineBlock
    /// The file's checkpoint position just after these lines.
    package var position: TailPosition
}

/// Which file: device, inode and a fingerprint of its first bytes.
package struct FileIdentity: Sendable, Hashable {
    /// Device and inode.
    package var key: FileKey
    /// Hash of the first bytes when the identity was taken (it grows with the file up to `fingerprintBytes`).
    package var fingerprint: ContentFingerprint

    /// Creates an identity.
    package init(key: FileKey, fingerprint: ContentFingerprint) {
        self.key = key
        self.fingerprint = fingerprint
    }
}
