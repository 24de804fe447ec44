@testable import LeakWatchEngine
import Testing

/// A clean window teaches the key's current hour: once the key is warm, a value far above what is expected is
/// clipped first (so one burst does not become the norm), while its peak keeps the raw value; metrics at zero
/// teach nothing.
@Suite("learning a window")
struct BaselineLearningTests {
    static let requests = Metric.requests.rawValue
    static let records = Metric.records.rawValue
    static let bytes = Metric.bytes.rawValue

    /// A store with one key whose all-hours baseline expects 10 requests (variance 4) and nothing else.
    static func store() -> BaselineStore {
        var store = BaselineStore()
        store.append(hour: 0)
        store.globalLevel[requests] = 10
        store.globalVariance[requests] = 4
        store.peak[bytes] = 7
        return store
    }

    /// A window of 1,000 requests and 5 records.
    static func window() -> [Int64] {
        var values = [Int64](repeating: 0, count: Metric.count)
        values[requests] = 1_000
        values[records] = 5
        return values
    }

    static func learn(_ store: inout BaselineStore, bucket: Int = 0, warm: Bool) {
        var values = window()
        values.withUnsafeMutableBufferPointer { values in
            store.learnWindow(slot: 0, bucket: bucket, values: values.baseAddress!, warm: warm, winsorizeDeviations: 6)
        }
    }

    @Test func aWarmKeyLearnsABurstClippedAndItsPeakRaw() {
        var store = Self.store()
        defer { store.release() }
        Self.learn(&store, warm: true)
        // Effective deviation: sqrt(variance 4 + (0.1 x 10)^2 + Poisson 10) + 1; the clip is 6 of them above 10.
        let clip = 10 + 6 * ((4.0 + 1 + 10).squareRoot() + 1)
        #expect(store.hourSums[Self.requests] == clip)
        #expect(store.hourSquares[Self.requests] == clip * clip)
        #expect(store.peak[Self.requests] == 1_000)
        // 5 records against an expected 0 is within 6 deviations of one record: learned as it is.
        #expect(store.hourSums[Self.records] == 5)
        // A zero teaches nothing: sums stay at zero, and a peak is not lowered.
        #expect(store.hourSums[Self.bytes] == 0)
        #expect(store.peak[Self.bytes] == 7)
    }

    @Test func aKeyStillWarmingUpLearnsTheRawValue() {
        var store = Self.store()
        defer { store.release() }
        Self.learn(&store, warm: false)
        #expect(store.hourSums[Self.requests] == 1_000)
        #expect(store.hourSquares[Self.requests] == 1_000_000)
    }

    @Test func aSeasonalKeyIsClippedAgainstItsHourOfDay() {
        var store = Self.store()
        defer { store.release() }
        // Row 0 of the seasonal tables, with three samples in bucket 5 (full weight): 100 requests, no variance.
        let buckets = SeasonalCalendar.bucketCount
        store.seasonalRow[0] = 0
        store.level.append(repeating: 0, count: buckets * Metric.count)
        store.variance.append(repeating: 0, count: buckets * Metric.count)
        store.bucketSamples.append(repeating: 0, count: buckets)
        store.bucketSamples[5] = 3
        store.level[5 * Metric.count + Self.requests] = 100
        Self.learn(&store, bucket: 5, warm: true)
        let clip = 100 + 6 * ((0.0 + 100 + 100).squareRoot() + 1)
        #expect(store.hourSums[Self.requests] == clip)
        #expect(store.hourSums[Self.requests] == store.expectation(slot: 0, bucket: 5, metric: Self.requests).mean
            + 6 * SpikeRule.deviation(metric: .requests, mean: 100, variance: 0))
    }

    /// The floor that lets learning skip the square root must never exceed the deviation it stands for, or a
    /// value between them would escape its clip.
    @Test func theDeviationFloorIsNeverAboveTheDeviation() {
        var generator = SystemRandomNumberGenerator()
        var means: [Double] = [0, 1e-300, 0.5, 1, 3, 10, 99.9, 1e3, 123_456.789, 1e9, 1e15, 1e300, -5]
        var variances: [Double] = [0, -1, 1e-300, 0.25, 4, 1e6, 1e18, 1e300]
        for _ in 0..<2_000 {
            means.append(Double(generator.next() % 1_000_000_000) / Double(1 + generator.next() % 1_000))
            variances.append(Double(generator.next() % 1_000_000_000) / Double(1 + generator.next() % 1_000))
        }
        for metric in Metric.allCases {
            for (index, mean) in means.enumerated() {
                for variance in [variances[index % variances.count], 0, variances[(index * 7) % variances.count]] {
                    let floor = SpikeRule.deviationFloor(metric: metric, mean: mean)
                    let deviation = SpikeRule.deviation(metric: metric, mean: mean, variance: variance)
                    #expect(floor <= deviation, "\(metric) mean \(mean) variance \(variance)")
                    // And so for the clip that learning computes from them.
                    #expect(mean + 6 * floor <= mean + 6 * deviation)
                }
            }
        }
    }
}
