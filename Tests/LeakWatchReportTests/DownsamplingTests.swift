import LeakWatchReport
import Testing

@Suite("downsampling of key series")
struct DownsamplingTests {
    @Test("the bucket is the narrowest ladder step that keeps the points under the limit", arguments: [
        (Int64(60) * 60_000, 1000, Int64(60_000)),  // one hour of minutes: as is
        (Int64(4) * 86_400_000, 1000, Int64(15) * 60_000),  // 4 days: 384 quarter hours
        (Int64(30) * 86_400_000, 1000, Int64(60) * 60_000),  // 30 days: 720 hours
        (Int64(90) * 86_400_000, 1000, Int64(180) * 60_000),  // 90 days: 720 three-hour buckets
        (Int64(4) * 86_400_000, 10, Int64(720) * 60_000),  // 4 days in at most 10 points: half days
    ])
    func bucketChoice(span: Int64, maxPoints: Int, expected: Int64) {
        let bucket = Downsampling.bucketMillis(span: span, windowMillis: 60_000, maxPoints: maxPoints)
        #expect(bucket == expected)
        #expect((span + bucket - 1) / bucket <= Int64(maxPoints))
    }

    @Test("very long spans use whole weeks and stay under the limit")
    func beyondTheLadder() {
        let span = Int64(3_000) * 86_400_000
        let bucket = Downsampling.bucketMillis(span: span, windowMillis: 60_000, maxPoints: 100)
        #expect(bucket % (7 * 86_400_000) == 0)
        #expect((span + bucket - 1) / bucket <= 100)
    }

    @Test("a bucket keeps its busiest window and averages expectation and bound over its windows")
    func bucketValues() {
        let hour: Int64 = 3_600_000
        let windows = [
            SeriesPoint(time: 0, observed: 3, expected: 2, bound: nil),
            SeriesPoint(time: 60_000, observed: 40, expected: 4, bound: 30),
            SeriesPoint(time: 120_000, observed: 5, expected: 6, bound: 50),
            SeriesPoint(time: 2 * hour, observed: 7, expected: 1, bound: nil),
        ]
        let points = Downsampling.downsample(windows, bucketMillis: hour)
        #expect(points == [
            SeriesPoint(time: 0, observed: 40, expected: 4, bound: 40),
            SeriesPoint(time: 2 * hour, observed: 7, expected: 1, bound: nil),
        ])
    }

    @Test("three days of minute windows shrink to at most 100 points, each spike kept")
    func longRunKeepsSpikes() {
        var windows: [SeriesPoint] = []
        for minute in 0..<(3 * 24 * 60) {
            windows.append(.init(time: Int64(minute) * 60_000, observed: minute == 2_000 ? 999 : 1, expected: 1,
                                 bound: 10))
        }
        let bucket = Downsampling.bucketMillis(span: Int64(windows.count) * 60_000, windowMillis: 60_000,
                                               maxPoints: 100)
        let points = Downsampling.downsample(windows, bucketMillis: bucket)
        #expect(points.count <= 100)
        #expect(points.map(\.observed).max() == 999)
        #expect(points.allSatisfy { $0.time % bucket == 0 })
    }
}
