import LeakWatchConfig
import LeakWatchParsing
import Testing

@Suite("input.format names every format")
struct FormatConfigurationTests {
    @Test("salesforce_elf and cloudtrail are accepted; auto leaves detection on", arguments: LogFormat.allCases)
    func formatsLoad(format: LogFormat) throws {
        let configuration = try LeakWatchConfiguration.parse(yaml: "input:\n  format: \(format.rawValue)\n", file: "c.yml")
        #expect(configuration.format == format)
        #expect(try LeakWatchConfiguration.parse(yaml: "input:\n  format: auto\n", file: "c.yml").format == nil)
    }

    @Test("an unknown format is refused with the list of names")
    func unknownFormat() {
        #expect {
            _ = try LeakWatchConfiguration.parse(yaml: "input:\n  format: elf\n", file: "c.yml")
        } throws: { error in
            (error as? ConfigError)?.description
                == #"c.yml: input.format: must be one of auto, json, combined, salesforce_elf, cloudtrail (got "elf")"#
        }
    }
}
