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
