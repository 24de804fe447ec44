import Glibc

/// Turns command-line arguments (files, directories, glob patterns) into the list of files to read.
package enum InputDiscovery {
    /// Expands `arguments` into files, de-duplicated and sorted by path.
    ///
    /// Each argument is one of:
    /// - an existing file (taken as is, even if hidden);
    /// - a directory, searched recursively for regular files; names starting with `.` are skipped at every level
    ///   and symbolic links to directories are not followed;
    /// - a glob pattern (`*`, `?`, `[...]`, expanded with `glob(3)`); a matching directory is searched as above.
    ///
    /// - Parameter arguments: paths, directories or patterns.
    /// - Returns: the files found, sorted by path, each listed once.
    /// - Throws: ``IngestError`` with code `.noSuchInput` naming the first argument that matches no file,
    ///   or `.unreadableFile` if a directory cannot be listed.
    package static func expand(_ arguments: [String]) throws(IngestError) -> [InputFile] {
        var found: [String: InputFile] = [:]
        for argument in arguments {
            var matches: [InputFile] = []
            if let status = FileStatus(path: argument) {
                try collect(path: argument, status: status, into: &matches)
            } else if Glob.isPattern(argument) {
                for path in try Glob.paths(matching: argument) {
                    guard let status = FileStatus(path: path) else { continue }
                    try collect(path: path, status: status, into: &matches)
                }
            }
            guard !matches.isEmpty else {
                throw IngestError(.noSuchInput, path: argument, detail: "no such file, directory or match")
            }
            for file in matches {
                found[file.path] = file
            }
        }
        return found.values.sorted { $0.path < $1.path }
    }

    private static func collect(path: String, status: FileStatus, into matches: inout [InputFile]) throws(IngestError) {
        if status.isDirectory {
            try DirectoryWalker.regularFiles(under: path, into: &matches)
        } else {
            matches.append(InputFile(path: path, size: status.size))
        }
    }
}
