import CZstd
import Synchronization

/// Decompression contexts of finished zstd inputs, kept for the next ones.
///
/// A context keeps the window buffer it decoded into. Taken new for every file, that buffer (a few hundred kB to
/// a few MB) is mapped, faulted in page by page and unmapped again for each one: for an archive rotated hourly,
/// 4 % of a replay. A context is reset before it is kept, so nothing of one input reaches the next; at most
/// ``capacity`` are kept, none holding more than ``largestKept`` bytes (a file with a huge window does not pin its
/// buffer for the rest of the process).
enum ZstdContextPool {
    /// Contexts kept at most.
    static let capacity = 4

    /// Largest context kept, in bytes (`ZSTD_sizeof_DCtx`): room for a window of 8 MiB and its buffers.
    static let largestKept = 10 << 20

    /// Kept contexts, by address (an address is a plain value; whoever takes one owns the context).
    private static let kept = Mutex<[Int]>([])

    /// A context ready to decode a new input: a kept one, else a new one (nil when libzstd cannot allocate one).
    static func take() -> OpaquePointer? {
        if let reused = kept.withLock({ $0.popLast() }), let context = OpaquePointer(bitPattern: reused) {
            return context
        }
        return ZSTD_createDCtx()
    }

    /// Takes back a context whose input is done with (finished, damaged or abandoned): reset and kept while there is
    /// room, else freed.
    static func give(_ context: OpaquePointer) {
        guard ZSTD_isError(ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters)) == 0,
              ZSTD_sizeof_DCtx(context) <= largestKept
        else {
            ZSTD_freeDCtx(context)
            return
        }
        let isKept = kept.withLock { pool -> Bool in
            guard pool.count < capacity else { return false }
            pool.append(Int(bitPattern: context))
            return true
        }
        if !isKept { ZSTD_freeDCtx(context) }
    }
}
