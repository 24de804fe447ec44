import ArgumentParser
import Foundation
import LeakWatchConfig
import LeakWatchEngine
import LeakWatchParsing

/// The inputs `replay` and `bench` share: configuration, format and the files, and how they become replay options.
struct ReplayInput: ParsableArguments {
    @Option(name: .long, help: "YAML configuration file (default: the documented defaults).")
    var config: String?

    @Option(
        name: .long,
        help: "Log format: auto, json, combined, salesforce_elf or cloudtrail (overrides the config; auto: per file).")
    var format: String?

    @Argument(help: "Log files, directories or globs.")
    var paths: [String]

    func validate() throws {
        if let format, format != "auto" && LogFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of \(LogFormat.choices) (got \"\(format)\")")
        }
    }

    /// The configuration file's settings, or the documented defaults when there is none.
    /// - Throws: a `ValidationError` naming the file, the key and what is wrong.
    func settings() throws -> LeakWatchConfiguration {
        guard let config else { return LeakWatchConfiguration() }
        do { return try LeakWatchConfiguration.load(path: config) } catch {
            throw ValidationError(error.description)
        }
    }

    /// Replay options for the paths from `settings`, with `--format` (`auto`: per file) overriding the config and
    /// `workers` (nil: the config's, then the core count).
    func options(settings: LeakWatchConfiguration, workers: Int?) -> ReplayOptions {
        var options = ReplayOptions(paths: paths)
        options.format = settings.format
        if let format { options.format = format == "auto" ? nil : LogFormat(rawValue: format) }
        options.mapping = settings.mapping
        options.templater = EndpointTemplater(rules: settings.endpointRules)
        options.maxLineBytes = settings.maxLineBytes
        options.workers = workers ?? settings.workers ?? ProcessInfo.processInfo.activeProcessorCount
        return options
    }
}
