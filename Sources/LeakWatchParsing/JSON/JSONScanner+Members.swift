extension JSONScanner {
    /// At `{`: walks an object member by member. `member` is called with the scanner at the value and the key's
    /// bytes (`bytes[keyStart..<keyEnd]`, escapes left as they are); it must move past the value, or return false.
    ///
    /// - Returns: false when the object is malformed, nested deeper than ``maximumDepth``, or `member` failed.
    ///
    /// Always inlined, so that each caller's `member` closure is inlined into the loop (no call per member).
    @inlinable @inline(__always)
    mutating func walkMembers(
        depth: Int, _ member: (inout JSONScanner, _ keyStart: Int, _ keyEnd: Int) -> Bool
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
            guard skipColon(), member(&self, keyStart, keyEnd) else { return false }
            switch skipSeparator(closing: UInt8(ascii: "}")) {
            case .more: continue
            case .closed: return true
            case .invalid: return false
            }
        }
    }
}
