/// The container format of an input file, decided from its first bytes.
package enum Compression: String, Sendable {
    /// Uncompressed bytes.
    case plain
    /// One or more gzip members (RFC 1952).
    case gzip
    /// One or more zstd frames, possibly with skippable frames among them.
    case zstd
}
