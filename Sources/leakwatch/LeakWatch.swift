import ArgumentParser

/// The `leakwatch` command line.
@main
struct LeakWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leakwatch",
        abstract: "Streaming anomaly detection for data leaks through CRM and e-commerce integrations.",
        discussion: """
            Examples:
              leakwatch generate --out /tmp/lw --days 4 --seed 7
              leakwatch replay --labels /tmp/lw/labels.json /tmp/lw/logs
              leakwatch replay --config leakwatch.yml --workers 2 --summary-json run.json 'logs/*.zst'
              leakwatch replay --state-out /var/lib/leakwatch/warm 'archive/*.zst'
              leakwatch bench --workers 1,2 --json bench.json /tmp/lw/logs
              leakwatch check-config /etc/leakwatch/leakwatch.yml
              leakwatch monitor --config /etc/leakwatch/leakwatch.yml --state-in /var/lib/leakwatch/warm
            """,
        subcommands: [
            ReplayCommand.self, MonitorCommand.self, BenchCommand.self, CheckConfigCommand.self, GenerateCommand.self,
        ]
    )

    /// Tunes the allocator, then parses the arguments and runs the command.
    static func main() async {
        AllocatorTuning.apply()
        await main(nil)
    }
}
