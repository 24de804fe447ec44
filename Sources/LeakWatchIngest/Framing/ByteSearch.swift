import Glibc

/// Newline search with the C library's vectorised `memchr`/`memrchr`.
enum ByteSearch {
    private typealias ReverseSearch = @convention(c) (UnsafeRawPointer?, Int32, Int) -> UnsafeMutableRawPointer?

    /// glibc's `memrchr`, looked up once: it is a GNU extension the Swift `Glibc` module does not import
    /// (it needs `_GNU_SOURCE`), but libc always exports it.
    private static let reverseSearch: ReverseSearch? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memrchr") else { return nil }
        return unsafeBitCast(symbol, to: ReverseSearch.self)
    }()

    /// Offset of the first `byte` in `start..<start + count`, or nil.
    @inline(__always)
    static func first(_ byte: UInt8, in start: UnsafeRawPointer, count: Int) -> Int? {
        guard count > 0, let found = memchr(start, Int32(byte), count) else { return nil }
        return start.distance(to: UnsafeRawPointer(found))
    }

    /// Offset of the last `byte` in `start..<start + count`, or nil.
    @inline(__always)
    static func last(_ byte: UInt8, in start: UnsafeRawPointer, count: Int) -> Int? {
        guard count > 0 else { return nil }
        if let reverseSearch {
            guard let found = reverseSearch(start, Int32(byte), count) else { return nil }
            return start.distance(to: UnsafeRawPointer(found))
        }
        var index = count
        while index > 0 {
            index &-= 1
            if start.load(fromByteOffset: index, as: UInt8.self) == byte { return index }
        }
        return nil
    }
}
