import Glibc

/// The few `stat(2)` facts discovery needs.
struct FileStatus {
    let isDirectory: Bool
    let isRegularFile: Bool
    let isSymbolicLink: Bool
    let size: Int64

    /// Status of `path`, following symbolic links unless `followLinks` is false; nil if it does not exist.
    init?(path: String, followLinks: Bool = true) {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        isDirectory = type == S_IFDIR
        isRegularFile = type == S_IFREG
        isSymbolicLink = type == S_IFLNK
        size = Int64(info.st_size)
    }
}
