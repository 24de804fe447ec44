import LeakWatchReport
import Testing

@Suite("chart scales and axes")
struct ChartMathTests {
    @Test("nice steps are 1, 2 or 5 times a power of ten", arguments: [
        (0.7, 1.0), (1.0, 1), (1.1, 2), (2.5, 5), (7, 10), (13, 20), (4_100, 5_000), (0.03, 0.05),
    ])
    func niceStep(rough: Double, expected: Double) {
        #expect(abs(LinearScale.niceStep(rough) - expected) < 1e-12)
    }

    @Test("a scale's top tick covers the maximum; positions map 0 and the top onto the pixel range")
    func scale() {
        let scale = LinearScale(maxValue: 37, tickCount: 4, start: 200, end: 10)
        #expect(scale.ticks == [0, 10, 20, 30, 40])
        #expect(scale.position(0) == 200)
        #expect(scale.position(40) == 10)
        #expect(scale.position(20) == 105)
        #expect(scale.position(1_000) == 10)
        #expect(LinearScale(maxValue: 0, start: 0, end: 100).ticks == [0, 0.5, 1])
    }

    @Test("time ticks fall on whole hours or days and there are not too many")
    func timeTicks() {
        let day: Int64 = 86_400_000
        let axis = TimeAxis(from: 1_772_409_600_000 + 1_800_000, to: 1_772_409_600_000 + 4 * day, start: 0, end: 1000)
        let ticks = axis.ticks(maxTicks: 12)
        #expect(ticks.step == 12 * 3_600_000)
        #expect(ticks.times.count <= 12 && ticks.times.count >= 6)
        #expect(ticks.times.allSatisfy { $0 % ticks.step == 0 && $0 >= axis.from && $0 <= axis.to })
        #expect(TimeAxis.label(1_772_409_600_000, step: day) == "03-02")
        #expect(TimeAxis.label(1_772_409_600_000 + 14 * 3_600_000, step: 3_600_000) == "03-02 14:00")
        #expect(axis.position(axis.from) == 0 && axis.position(axis.to) == 1000)
    }
}
