import ArgumentParser
import LeakWatchConfig

/// `leakwatch check-config`: validates a configuration file and says what is wrong.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a YAML configuration: prints \"ok\" or the file, the key and what is wrong.")

    @Argument(help: "The YAML configuration file.")
    var file: String

    func run() throws {
        do {
            let settings = try LeakWatchConfiguration.load(path: file)
            print("\(file): ok (\(settings.monitor.paths.count) input paths, state in \(settings.monitor.stateDirectory))")
        } catch {
            StandardError.write(error.description + "\n")
            throw ExitCode(78)  // EX_CONFIG
        }
    }
}
