/// A file's device and inode number: the same file under any name, until it is deleted and the inode reused.
package struct FileKey: Sendable, Hashable {
    /// `st_dev`: the file system.
    package var device: UInt64
    /// `st_ino`: the file within it.
    package var inode: UInt64

    /// Creates a key from `stat(2)` numbers.
    package init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
