/// The mapped key paths compiled into a small trie of byte keys, looked up once per key of a JSON line.
///
/// Node 0 is the top-level object; an entry either names a capture slot, a child node (for nested paths), or
/// both. Keys are compared as raw bytes, so a key written with escapes in the log does not match.
@usableFromInline
struct JSONKeyTable: Sendable {
    @usableFromInline
    struct Entry: Sendable {
        /// The key's first eight bytes as a little-endian word, zero-padded (compared in one go).
        @usableFromInline var head: UInt64
        @usableFromInline var keyStart: Int
        @usableFromInline var keyLength: Int
        /// Capture slot, or -1.
        @usableFromInline var slot: Int
        /// Child node, or -1.
        @usableFromInline var child: Int
    }

    @usableFromInline var keyBytes: [UInt8]
    @usableFromInline var entries: [Entry]
    /// Entries of node `k` with key length `l` are `entries[buckets[b]..<buckets[b + 1]]`,
    /// `b = k * (maxKeyLength + 2) + l` (the last bucket of a node is always empty).
    @usableFromInline var buckets: [Int]
    @usableFromInline var maxKeyLength: Int
    /// Slots that map to the same path as an earlier slot: after a line is scanned, `to` gets a copy of `from`.
    @usableFromInline var aliases: [(from: Int, to: Int)]

    init(mapping: FieldMapping) {
        struct PendingEntry {
            var key: [UInt8]
            var slot = -1
            var child = -1
        }
        var nodes: [[PendingEntry]] = [[]]
        var aliases: [(from: Int, to: Int)] = []
        for field in LogicalField.allCases {
            let path = mapping.path(for: field)
            guard !path.isEmpty else { continue }
            var node = 0
            for (depth, component) in path.enumerated() {
                let key = Array(component.utf8)
                let index: Int
                if let found = nodes[node].firstIndex(where: { $0.key == key }) {
                    index = found
                } else {
                    nodes[node].append(PendingEntry(key: key))
                    index = nodes[node].count - 1
                }
                if depth == path.count - 1 {
                    let existing = nodes[node][index].slot
                    if existing >= 0 {
                        aliases.append((from: existing, to: field.slot))
                    } else {
                        nodes[node][index].slot = field.slot
                    }
                } else {
                    if nodes[node][index].child < 0 {
                        nodes.append([])
                        nodes[node][index].child = nodes.count - 1
                    }
                    node = nodes[node][index].child
                }
            }
        }
        var keyBytes: [UInt8] = []
        var entries: [Entry] = []
        let maxKeyLength = nodes.flatMap { $0.map(\.key.count) }.max() ?? 0
        let bucketsPerNode = maxKeyLength + 2
        var buckets: [Int] = []
        for node in nodes {
            // Entries of a node sorted by key length; bucket `length` spans those of that length.
            let sorted = node.sorted { $0.key.count < $1.key.count }
            var cursor = 0
            for length in 0..<bucketsPerNode {
                buckets.append(entries.count + cursor)
                while cursor < sorted.count && sorted[cursor].key.count == length { cursor += 1 }
            }
            for pending in sorted {
                var head: UInt64 = 0
                for (offset, byte) in pending.key.prefix(8).enumerated() {
                    head |= UInt64(byte) << (8 * UInt64(offset))
                }
                entries.append(
                    Entry(
                        head: head, keyStart: keyBytes.count, keyLength: pending.key.count, slot: pending.slot,
                        child: pending.child))
                keyBytes.append(contentsOf: pending.key)
            }
        }
        buckets.append(entries.count)
        self.keyBytes = keyBytes
        self.entries = entries
        self.buckets = buckets
        self.maxKeyLength = maxKeyLength
        self.aliases = aliases
    }

    /// Calls `body` with a pointer view of the table, so the per-key lookups touch no reference counts.
    @inlinable
    func withView<Result>(_ body: (JSONKeyTableView) -> Result) -> Result {
        keyBytes.withUnsafeBufferPointer { keyBytes in
            entries.withUnsafeBufferPointer { entries in
                buckets.withUnsafeBufferPointer { buckets in
                    body(
                        JSONKeyTableView(
                            keyBytes: keyBytes, entries: entries, buckets: buckets, maxKeyLength: maxKeyLength))
                }
            }
        }
    }
}
