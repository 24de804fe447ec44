import Foundation
import LeakWatchIngest

/// Times the stock command-line decompressor (`zstd -dc`, `gzip -dc`) on the same files as a benchmark, output to
/// /dev/null: the speed LeakWatch is compared with.
struct DecompressorBaseline {
    /// Seconds the decompressors took in all, and the files they covered.
    var seconds: Double
    var files: Int
    /// The commands run, e.g. `zstd -dc`.
    var tools: [String]

    /// Runs the decompressor of each compressed file in turn. Returns nil when no file is compressed, a tool is
    /// missing, or a file does not decompress cleanly (damaged: said on stderr); the benchmark then reports no
    /// ratio, and the replays still run (they count the damage).
    /// - Throws: when a file cannot be opened or a decompressor cannot be started.
    static func measure(_ files: [InputFile]) throws -> DecompressorBaseline? {
        var commands: [(tool: String, path: String)] = []
        for file in files {
            switch try LineBlockReader.compression(of: file) {
            case .zstd: commands.append(("zstd", file.path))
            case .gzip: commands.append(("gzip", file.path))
            case .plain: continue
            }
        }
        guard !commands.isEmpty else { return nil }
        var executables: [String: String] = [:]
        for tool in Set(commands.map(\.tool)) {
            guard let path = executable(named: tool) else { return nil }
            executables[tool] = path
        }
        let devNull = FileHandle(forWritingAtPath: "/dev/null")
        let started = MonotonicClock.seconds()
        for command in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executables[command.tool]!)
            // The file itself, not a link to it: `zstd` skips symbolic links.
            process.arguments = ["-dc", URL(fileURLWithPath: command.path).resolvingSymlinksInPath().path]
            process.standardOutput = devNull
            process.standardError = FileHandle.standardError
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                StandardError.write("bench: \(command.tool) -dc \(command.path) exited with status "
                    + "\(process.terminationStatus); no decompressor ratio\n")
                return nil
            }
        }
        let seconds = MonotonicClock.seconds() - started
        return DecompressorBaseline(
            seconds: seconds, files: commands.count, tools: Set(commands.map { "\($0.tool) -dc" }).sorted())
    }

    /// The first executable called `name` on `PATH`.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
