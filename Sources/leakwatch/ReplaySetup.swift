import ArgumentParser
import Foundation
import LeakWatchConfig
import LeakWatchEngine
import LeakWatchParsing

/// The inputs `replay` and `bench` share: configuration, format and the files.
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
        try ReplaySetup.validate(format: format)
    }

    /// Loads the configuration and builds the replay options with `workers` (nil: config, then core count).
    func load(workers: Int?) throws -> (settings: LeakWatchConfiguration, options: ReplayOptions) {
        let settings = try ReplaySetup.configuration(path: config)
        return (settings, ReplaySetup.options(paths: paths, settings: settings, format: format, workers: workers))
    }
}

/// What `replay` and `bench` share: loading the configuration and turning it and the flags into replay options.
enum ReplaySetup {
    /// The configuration at `path`, or the documented defaults when there is none.
    /// - Throws: a `ValidationError` naming the file, the key and what is wrong.
    static func configuration(path: String?) throws -> LeakWatchConfiguration {
        guard let path else { return LeakWatchConfiguration() }
        do { return try LeakWatchConfiguration.load(path: path) } catch {
            throw ValidationError(error.description)
        }
    }

    /// Checks a `--format` value (`auto` or a format name).
    static func validate(format: String?) throws {
        if let format, format != "auto" && LogFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of \(LogFormat.choices) (got \"\(format)\")")
        }
    }

    /// Replay options for `paths` from the configuration, with a `--format` flag (`auto`: per file) overriding it.
    static func options(
        paths: [String], settings: LeakWatchConfiguration, format: String?, workers: Int?
    ) -> ReplayOptions {
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
