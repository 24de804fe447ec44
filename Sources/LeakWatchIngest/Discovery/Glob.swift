import Glibc

/// Shell-style pattern expansion with `glob(3)`.
enum Glob {
    /// Whether `argument` contains a glob metacharacter (`*`, `?` or `[`).
    static func isPattern(_ argument: String) -> Bool {
        argument.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
    }

    /// The paths matching `pattern`, empty when nothing matches.
    static func paths(matching pattern: String) throws(IngestError) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        let status = glob(pattern, 0, nil, &result)
        switch status {
        case 0:
            var paths: [String] = []
            paths.reserveCapacity(Int(result.gl_pathc))
            for index in 0..<Int(result.gl_pathc) {
                if let path = result.gl_pathv[index] {
                    paths.append(String(cString: path))
                }
            }
            return paths
        case GLOB_NOMATCH:
            return []
        default:
            throw IngestError(.unreadableFile, path: pattern, detail: "glob failed with status \(status)")
        }
    }
}
