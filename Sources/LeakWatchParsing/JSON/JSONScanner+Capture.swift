extension JSONScanner {
    /// Walks the whole line (one JSON object), recording the values of the mapped keys in `captures`.
    ///
    /// - Returns: false when the line is not exactly one well-formed JSON object.
    @inlinable
    mutating func captureLine(table: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>) -> Bool {
        skipWhitespace()
        guard current == UInt8(ascii: "{") else { return false }
        guard captureObject(node: 0, table: table, captures: captures, depth: 1) else { return false }
        skipWhitespace()
        return isAtEnd
    }

    /// At `{`: walks an object whose keys are looked up in `node` of `table`; unmapped values are skipped.
    @inlinable
    mutating func captureObject(
        node: Int, table: JSONKeyTableView, captures: UnsafeMutableBufferPointer<JSONValueSpan>, depth: Int
    ) -> Bool {
        walkMembers(depth: depth) { scanner, keyStart, keyEnd in
            let found = table.lookup(node: node, in: scanner.bytes, start: keyStart, end: keyEnd)
            guard found >= 0 else { return scanner.skipValue(depth: depth) }
            let entry = table.entries[found]
            if entry.child >= 0 && scanner.current == UInt8(ascii: "{") {
                return scanner.captureObject(node: entry.child, table: table, captures: captures, depth: depth &+ 1)
            }
            guard entry.slot >= 0 else { return scanner.skipValue(depth: depth) }
            guard let span = scanner.captureValue(depth: depth) else { return false }
            captures[entry.slot] = span
            return true
        }
    }

    /// Moves past the value at the cursor and says where it was and what it was; nil when malformed.
    @inlinable
    mutating func captureValue(depth: Int) -> JSONValueSpan? {
        let start = index
        let kind: JSONValueKind
        switch current {
        case UInt8(ascii: "\""):
            var sawEscape = false
            guard skipString(sawEscape: &sawEscape) else { return nil }
            return JSONValueSpan(start: start &+ 1, end: index &- 1, kind: sawEscape ? .escapedString : .string)
        case UInt8(ascii: "{"):
            guard skipObject(depth: depth &+ 1) else { return nil }
            kind = .object
        case UInt8(ascii: "["):
            guard skipArray(depth: depth &+ 1) else { return nil }
            kind = .array
        case UInt8(ascii: "t"):
            guard skipLiteral("true") else { return nil }
            kind = .trueLiteral
        case UInt8(ascii: "f"):
            guard skipLiteral("false") else { return nil }
            kind = .falseLiteral
        case UInt8(ascii: "n"):
            guard skipLiteral("null") else { return nil }
            kind = .null
        default:
            guard skipNumber() else { return nil }
            kind = .number
        }
        return JSONValueSpan(start: start, end: index, kind: kind)
    }
}
