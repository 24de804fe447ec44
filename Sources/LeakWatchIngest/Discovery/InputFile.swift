/// A file to read, as found by ``InputDiscovery``.
package struct InputFile: Sendable, Hashable {
    /// The path as given or as found under a directory or by a glob.
    package let path: String
    /// The size in bytes when it was discovered (a growing file may be larger when read).
    package let size: Int64

    /// Creates an input file description.
    /// - Parameters:
    ///   - path: file path.
    ///   - size: size in bytes at discovery.
    package init(path: String, size: Int64) {
        self.path = path
        self.size = size
    }
}
