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
        guard depth <= Self.maximumDepth else { return false }
        index &+= 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index &+= 1
            return true
        }
        while true {
            guard current == UInt8(ascii: "\"") else { return false }
            let keyStart = index &+ 1
            var sawEscape = false
            guard skipString(sawEscape: &sawEscape) else { return false }
            let keyEnd = index &- 1
            guard skipColon() else { return false }
            let found = table.lookup(node: node, in: bytes, start: keyStart, end: keyEnd)
            if found < 0 {
                guard skipValue(depth: depth) else { return false }
            } else {
                let entry = table.entries[found]
                if entry.child >= 0 && current == UInt8(ascii: "{") {
                    guard captureObject(node: entry.child, table: table, captures: captures, depth: depth &+ 1)
                    else { return false }
                } else if entry.slot >= 0 {
                    guard let span = captureValue(depth: depth) else { return false }
                    captures[entry.slot] = span
                } else {
                    guard skipValue(depth: depth) else { return false }
                }
            }
            switch skipSeparator(closing: UInt8(ascii: "}")) {
            case .more: continue
            case .closed: return true
            case .invalid: return false
            }
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
