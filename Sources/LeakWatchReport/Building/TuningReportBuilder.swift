package import LeakWatchAlerting
package import LeakWatchEngine

/// Builds the tuning report of a finished replay: traces the top keys in one more replay, then sweeps each
/// detector's main threshold, one replay per value other than the current one.
package struct TuningReportBuilder {
    package var replay: ReportReplay
    /// The configuration the run used.
    package var configuration: EngineConfiguration
    package var labels: Labels?
    /// Values per detector sweep, the current one included (0 turns the sweep off).
    package var sweepPoints = 5
    /// Detectors to sweep (nil: every enabled detector with a main threshold).
    package var sweepDetectors: Set<DetectorKind>?
    /// Keys taken from each top list (by alerts, by requests).
    package var topKeys = 5
    /// Most points drawn per key series.
    package var maxPoints = 1000
    /// Told about every extra replay before it starts (for progress on stderr).
    package var progress: (String) -> Void = { _ in }

    package init(replay: ReportReplay, configuration: EngineConfiguration, labels: Labels?) {
        self.replay = replay
        self.configuration = configuration
        self.labels = labels
    }

    /// The run that was just made, as the report needs it.
    package struct Run {
        package var summary: ReportSummary
        package var alerts: [Alert]
        /// The busiest keys of the run (``ShardedAggregator/busiestKeys(limit:dimensions:)``), busiest first.
        package var busiest: [KeyVolume]

        package init(summary: ReportSummary, alerts: [Alert], busiest: [KeyVolume]) {
            self.summary = summary
            self.alerts = alerts
            self.busiest = busiest
        }
    }

    /// - Throws: ``ReportError`` when an extra replay fails.
    package func build(_ run: Run) throws(ReportError) -> TuningReport {
        let first = run.summary.firstEventMillis ?? 0
        let last = run.summary.lastEventMillis ?? first
        let keys = TopKeys.choose(alerts: run.alerts, busiest: run.busiest, limit: topKeys)
        var series: [KeySeries] = []
        if !keys.isEmpty {
            progress("tracing \(keys.count) keys")
            let traced = try replay.run(configuration: configuration, trace: Set(keys.map(\.keyHash)),
                                        stage: "trace replay")
            series = SeriesBuilder.build(
                keys: keys, points: traced.points, alerts: run.alerts, span: (first, last),
                windowMillis: configuration.windowMillis, maxPoints: maxPoints)
        }
        let period = labels.map(ScoringPeriod.init(labels:))
            ?? ScoringPeriod(firstEvent: first, lastEvent: last, warmupHours: configuration.baseline.warmupHours)
        return TuningReport(
            summary: run.summary, alerts: run.alerts.filter { $0.detection.status == .firing }.map(ReportMarks.mark),
            series: series, sweeps: try sweeps(alerts: run.alerts, period: period),
            windowMillis: configuration.windowMillis,
            warmupEndMillis: first + Int64(configuration.baseline.warmupHours) * 3_600_000)
    }

    private func sweeps(alerts: [Alert], period: ScoringPeriod) throws(ReportError) -> [DetectorSweep] {
        guard sweepPoints > 0 else { return [] }
        let parameters = SweepParameter.all.filter { parameter in
            parameter.isEnabled(in: configuration) && sweepDetectors.map { $0.contains(parameter.detector) } ?? true
        }
        let plans = parameters.map { parameter in
            let current = parameter.value(in: configuration)
            return (parameter, current, SweepValues.around(
                current, count: sweepPoints, minimum: parameter.minimum, maximum: parameter.maximum,
                integral: parameter.integral))
        }
        let total = plans.reduce(0) { sum, plan in sum + plan.2.filter { $0 != plan.1 }.count }
        var done = 0
        var result: [DetectorSweep] = []
        for (parameter, current, values) in plans {
            var points: [SweepPoint] = []
            for value in values {
                let name = "\(parameter.detector.rawValue).\(parameter.key)=\(SweepValues.text(value, integral: parameter.integral))"
                var runAlerts = alerts
                if value != current {
                    done += 1
                    progress("sweep \(done)/\(total): \(name)")
                    runAlerts = try replay.run(
                        configuration: parameter.applying(value, to: configuration), stage: "sweep \(name)").alerts
                }
                let score = DetectorScoring.score(runAlerts, detector: parameter.detector, labels: labels,
                                                  period: period)
                points.append(SweepPoint(
                    value: SweepValues.text(value, integral: parameter.integral), numericValue: value,
                    isCurrent: value == current, alerts: score.alerts, alertsPerDay: score.alertsPerDay,
                    precision: score.precision, recall: score.recall, yaml: parameter.yaml(value)))
            }
            result.append(DetectorSweep(detector: parameter.detector.rawValue, parameter: parameter.key,
                                        points: points))
        }
        return result
    }
}
