import Glibc

/// The few `stat(2)` facts discovery and tailing need.
struct FileStatus {
    let isDirectory: Bool
    let isRegularFile: Bool
    let isSymbolicLink: Bool
    let size: Int64
    /// Device and inode: which file this is, whatever its name.
    let key: FileKey
    /// Last modification time, in nanoseconds since the epoch.
    let modifiedNanoseconds: Int64

    /// Status of `path`, following symbolic links unless `followLinks` is false; nil if it does not exist.
    init?(path: String, followLinks: Bool = true) {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        self.init(info)
    }

    /// Status of the open file `descriptor` (`fstat(2)`); nil if it fails.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        isDirectory = type == S_IFDIR
        isRegularFile = type == S_IFREG
        isSymbolicLink = type == S_IFLNK
        size = Int64(info.st_size)
        key = FileKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
