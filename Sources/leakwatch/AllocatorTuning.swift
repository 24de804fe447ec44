#if os(Linux)
    import CMalloc
#endif

/// Allocator settings for long replays and the daemon, applied once at start.
///
/// glibc raises its mmap threshold each time a large block is freed, so that later large blocks come from the
/// heap instead. A replay opens a file's reader, blocks and parse chunks (several MiB) while the previous file's
/// are still in use (the next file's first block is decoded ahead), and on the heap those generations interleave
/// and fragment it: peak RSS then grew by about 5 MiB per day of a day-by-day archive. A fixed threshold keeps
/// every allocation of 1 MiB or more in its own mapping, returned to the system when freed, so peak RSS follows
/// the live keys again, not the number of files read.
enum AllocatorTuning {
    /// Allocations of this many bytes or more get their own mapping.
    static let mmapThreshold: Int32 = 1 << 20

    static func apply() {
        #if os(Linux)
            _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        #endif
    }
}
