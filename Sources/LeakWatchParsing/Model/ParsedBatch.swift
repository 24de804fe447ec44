/// The output of parsing one run of lines: events plus the arena their key bytes live in.
///
/// Reused from batch to batch (`removeAll` keeps capacity), so steady-state parsing allocates nothing.
@usableFromInline
package struct ParsedBatch: Sendable {
    /// Parsed events in input order.
    @usableFromInline
    package var events: [ParsedEvent]
    /// Key bytes (endpoint templates, principals, addresses, destinations), unescaped, referenced by ``KeyRef``.
    @usableFromInline
    package var arena: [UInt8]
    /// Lines skipped, by reason.
    @usableFromInline
    package var errors: ParseErrorCounts
    /// Non-empty lines seen (parsed + skipped).
    @usableFromInline
    package var lines: Int64

    package init(eventCapacity: Int = 0, arenaCapacity: Int = 0) {
        events = []
        events.reserveCapacity(eventCapacity)
        arena = []
        arena.reserveCapacity(arenaCapacity)
        errors = ParseErrorCounts()
        lines = 0
    }

    /// Empties the batch, keeping its storage.
    package mutating func removeAll() {
        events.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        errors.reset()
        lines = 0
    }

    /// The bytes of `key` as a String (created only when a new key is interned).
    package func string(for key: KeyRef) -> String {
        let start = Int(key.start)
        let end = start + Int(key.length)
        return String(decoding: arena[start..<end], as: UTF8.self)
    }
}
