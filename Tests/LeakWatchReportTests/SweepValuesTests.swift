import LeakWatchEngine
import LeakWatchReport
import Testing

@Suite("threshold sweep values")
struct SweepValuesTests {
    @Test("five points around 8 span half to twice the value, rounded, the current one included")
    func aroundEight() {
        #expect(SweepValues.around(8, count: 5, minimum: 0.5, maximum: 1_000, integral: false) == [4, 5.7, 8, 11, 16])
    }

    @Test("counts are whole numbers", arguments: [
        (100.0, 5, [50.0, 71, 100, 140, 200]),
        (5_000.0, 5, [2_500.0, 3_500, 5_000, 7_100, 10_000]),
        (10.0, 3, [7.0, 10, 14]),
        (10.0, 4, [7.0, 10, 14, 20]),
    ])
    func integral(current: Double, count: Int, expected: [Double]) {
        #expect(SweepValues.around(current, count: count, minimum: 2, maximum: 1e6, integral: true) == expected)
    }

    @Test("values stay within the accepted range and coinciding ones are merged")
    func clamped() {
        let shares = SweepValues.around(0.9, count: 5, minimum: 0.001, maximum: 1, integral: false)
        #expect(shares == [0.45, 0.64, 0.9, 1])
        let small = SweepValues.around(2, count: 5, minimum: 2, maximum: 1e6, integral: true)
        #expect(small == [2, 3, 4])
        #expect(SweepValues.around(8, count: 1, minimum: 0.5, maximum: 1_000, integral: false) == [8])
    }

    @Test("the current value is kept exactly even when it is not round")
    func currentKept() {
        let values = SweepValues.around(7.37, count: 5, minimum: 0.5, maximum: 1_000, integral: false)
        #expect(values.contains(7.37))
        #expect(values.count == 5)
    }

    @Test("YAML text of a value", arguments: [
        (4.0, false, "4"), (5.7, false, "5.7"), (0.071, false, "0.071"), (140.0, true, "140"), (0.1, false, "0.1"),
    ])
    func text(value: Double, integral: Bool, expected: String) {
        #expect(SweepValues.text(value, integral: integral) == expected)
    }

    @Test("each swept parameter writes the YAML path the configuration loader reads, and sets only itself")
    func parameters() {
        let defaults = EngineConfiguration()
        let keys = SweepParameter.all.map { "\($0.detector.rawValue).\($0.key)" }
        #expect(keys == [
            "auth_failures.threshold", "enumeration.min_ids", "fan_in.min_principals",
            "low_and_slow.decision_deviations", "new_entity.min_requests", "off_hours_bulk.min_records",
            "provenance_missing.current_share_below", "synthetic_volume.threshold", "volume_spike.threshold",
        ])
        for parameter in SweepParameter.all {
            let changed = parameter.applying(parameter.value(in: defaults) * 2, to: defaults)
            #expect(parameter.value(in: changed) == parameter.value(in: defaults) * 2)
            #expect(changed != defaults)
            #expect(parameter.applying(parameter.value(in: defaults), to: changed) == defaults)
        }
        let spike = SweepParameter.all.last!
        #expect(spike.yaml(5.7) == "detectors:\n  volume_spike:\n    threshold: 5.7")
    }
}
