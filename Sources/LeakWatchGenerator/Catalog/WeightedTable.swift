/// A weighted choice among small integers (endpoint indices, status codes), drawn with one random number and a
/// short linear scan over cumulative 32-bit thresholds.
struct WeightedTable: Sendable {
    /// The values to choose from.
    let values: [Int]
    private let thresholds: [UInt32]

    /// Builds a table from `(value, weight)` pairs; pairs with zero weight are dropped.
    init(_ pairs: [(Int, Double)]) {
        let kept = pairs.filter { $0.1 > 0 }
        precondition(!kept.isEmpty, "a weighted table needs at least one positive weight")
        let total = kept.reduce(0) { $0 + $1.1 }
        var running = 0.0
        var thresholds: [UInt32] = []
        for (index, pair) in kept.enumerated() {
            running += pair.1
            let scaled = index == kept.count - 1 ? Double(UInt32.max) : running / total * Double(UInt32.max)
            thresholds.append(UInt32(min(Double(UInt32.max), scaled.rounded(.down))))
        }
        self.values = kept.map(\.0)
        self.thresholds = thresholds
    }

    /// Draws one value.
    @inline(__always)
    func pick(_ random: inout Xoshiro256StarStar) -> Int {
        let draw = UInt32(truncatingIfNeeded: random.next() >> 32)
        var index = 0
        let last = thresholds.count &- 1
        while index < last && draw > thresholds[index] {
            index &+= 1
        }
        return values[index]
    }
}
