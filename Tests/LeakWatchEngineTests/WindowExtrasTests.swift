@testable import LeakWatchEngine
import Testing

/// The distinct principals of a source key's window are estimated from a 128-bit bitmap (linear counting): a
/// handful of marks counts about right, and a full bitmap reads as "about 700 or more".
@Suite("distinct-value estimates")
struct WindowExtrasTests {
    /// Extras whose principal bitmap has its first `set` bits set.
    static func estimate(set: Int) -> Double {
        var extras = WindowExtras.initial
        for bit in 0..<set {
            extras[WindowExtras.principalBitsLow + bit / 64] |= Int64(bitPattern: 1 << UInt64(bit % 64))
        }
        return extras.withUnsafeMutableBufferPointer { WindowExtras.estimate($0.baseAddress!, low: WindowExtras.principalBitsLow) }
    }

    @Test func everyBitCountReadsItsLinearCountingEstimate() {
        for set in 0...128 {
            #expect(Self.estimate(set: set) == WindowExtras.linearCount(set: set))
        }
        #expect(Self.estimate(set: 0) == 0)
        #expect(Self.estimate(set: 1) > 1 && Self.estimate(set: 1) < 1.01)
        #expect(abs(Self.estimate(set: 64) - 128 * 0.693_147_180_56) < 0.01)
        #expect(Self.estimate(set: 128) == 704)
    }

    @Test func marksOfDistinctHashesAreCountedOnce() {
        var extras = WindowExtras.initial
        extras.withUnsafeMutableBufferPointer { extras in
            for value in 0..<20 {
                // The top seven bits pick the bit: twenty distinct ones, each marked three times.
                let hash = UInt64(value * 5) << 57
                for _ in 0..<3 { WindowExtras.mark(extras.baseAddress!, low: WindowExtras.principalBitsLow, hash: hash) }
            }
            #expect(WindowExtras.estimate(extras.baseAddress!, low: WindowExtras.principalBitsLow).rounded() == 22)
        }
    }
}
