#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole byte buffers to a file descriptor, retrying short writes and `EINTR`.
package enum FileDescriptorWriter {
    /// Writes every byte of `bytes` to `descriptor`.
    /// - Returns: 0 when all bytes were written, otherwise the `errno` of the failed write.
    @discardableResult
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return 0
        }
    }
}
