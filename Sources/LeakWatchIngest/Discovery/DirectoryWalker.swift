import Glibc

/// Recursive directory listing with POSIX `opendir`/`readdir`.
enum DirectoryWalker {
    /// Appends every regular file under `directory` (recursively) to `files`.
    ///
    /// Entries whose names start with `.` are skipped; symbolic links are followed to files but not to
    /// directories, so a link cycle cannot make the walk loop.
    static func regularFiles(under directory: String, into files: inout [InputFile]) throws(IngestError) {
        guard let handle = opendir(directory) else {
            throw IngestError(.unreadableFile, path: directory, detail: String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            guard !name.hasPrefix(".") else { continue }  // also skips "." and ".."
            let path = prefix + name
            guard let link = FileStatus(path: path, followLinks: false) else { continue }
            if link.isDirectory {
                subdirectories.append(path)
            } else if link.isRegularFile {
                files.append(InputFile(path: path, size: link.size))
            } else if link.isSymbolicLink, let target = FileStatus(path: path), target.isRegularFile {
                files.append(InputFile(path: path, size: target.size))
            }
        }
        for subdirectory in subdirectories {
            try regularFiles(under: subdirectory, into: &files)
        }
    }
}
