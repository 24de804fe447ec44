import Foundation
import LeakWatchGenerator
import Testing

@Suite struct OptionsTests {
    @Test func defaults() {
        let options = GeneratorOptions(outputDirectory: "/tmp/x")
        #expect(options.days == 4)
        #expect(options.seed == 1)
        #expect(options.accessEventsPerSecond == 1.0)
        #expect(options.start == 1_772_409_600_000)
        #expect(options.warmupDays == 2)
    }

    @Test(arguments: [(0, 1.0), (-1, 1.0), (1, 0.0), (1, -2.0), (1, Double.nan)])
    func rejectsUnusableOptions(days: Int, rate: Double) {
        var options = GeneratorOptions(outputDirectory: FileManager.default.temporaryDirectory.path + "/lw-invalid")
        options.days = days
        options.accessEventsPerSecond = rate
        #expect(throws: GeneratorError.self) { try LogGenerator.generate(options) }
    }
}
