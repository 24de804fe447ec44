import LeakWatchIngest

extension ReplayPipeline {
    /// How far apart the first events of files written side by side may be (see ``blockBytes(for:base:)``).
    static let sideBySideMillis: Int64 = 10 * 60 * 1000

    /// The decoded bytes per block of each file (`peeks` in merge order): `base`, or less for files written side
    /// by side (one per gateway), which are open at once, each with two blocks. Files that start within ten minutes
    /// of each other, each at least a quarter of the other's size, are taken to be side by side; each of `n` such
    /// files gets `2 * base / n` bytes, at least a quarter of `base`. Four gateways' files then take 2 MiB blocks
    /// instead of 4, sixteen 1 MiB: 16 files of two days peaked at 385 MiB with 4 MiB blocks, at 180 MiB with 1 MiB
    /// ones (and replayed faster). An access log and the much smaller export log of the same day, or files rotated
    /// hourly, keep `base`. Block sizes change nothing in the output.
    static func blockBytes(for peeks: [FilePeek], base: Int) -> [Int] {
        peeks.indices.map { index in
            guard let start = peeks[index].firstTime else { return base }
            let size = peeks[index].file.size
            func sideBySide(_ other: Int) -> Bool? {
                guard let time = peeks[other].firstTime else { return nil }
                // Overflow (times from a damaged or odd file) counts as far apart.
                let (apart, overflow) = time.subtractingReportingOverflow(start)
                guard !overflow, apart < sideBySideMillis, apart > -sideBySideMillis else { return nil }
                return peeks[other].file.size * 4 >= size && size * 4 >= peeks[other].file.size
            }
            // Peeks are sorted by first time, so the files within reach are next to this one.
            var count = 1
            var other = index - 1
            while other >= 0, let counted = sideBySide(other) {
                if counted { count += 1 }
                other -= 1
            }
            other = index + 1
            while other < peeks.count, let counted = sideBySide(other) {
                if counted { count += 1 }
                other += 1
            }
            return max(base / 4, min(base, 2 * base / count))
        }
    }
}
