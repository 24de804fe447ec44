internal import Foundation

extension Xoshiro256StarStar {
    /// A uniform value in [0, 1).
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-high; the bias is below 2^-40 for our bounds).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform value in `range`.
    @inline(__always)
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A standard normal value.
    @inline(__always)
    mutating func normal() -> Double {
        NormalTable.value(bits: next())
    }

    /// A lognormal value with the given median and log-space deviation.
    @inline(__always)
    mutating func lognormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// A Poisson count with mean `mean` (inversion below 30, a rounded normal above).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean >= 30 {
            return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
        }
        var probability = exp(-mean)
        var cumulative = probability
        let target = unit()
        var count = 0
        while target > cumulative && count < 200 {
            count += 1
            probability *= mean / Double(count)
            cumulative += probability
        }
        return count
    }

    /// An element of `array`, uniformly.
    @inline(__always)
    mutating func element<T>(of array: [T]) -> T {
        array[below(array.count)]
    }
}
