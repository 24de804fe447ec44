package import LeakWatchAlerting

/// Delivers every batch to several sinks at once; one sink failing does not keep the others from their alerts.
package struct FanOutSink: AlertSink {
    package let name = "all"
    package let sinks: [any AlertSink]

    package init(_ sinks: [any AlertSink]) {
        self.sinks = sinks
    }

    /// Delivers to every sink concurrently and waits for all of them.
    /// - Throws: the first sink's ``DeliveryError`` when any failed (after all have been tried).
    package func deliver(_ alerts: [Alert]) async throws(DeliveryError) {
        try await each { sink throws(DeliveryError) in try await sink.deliver(alerts) }
    }

    package func flush() async throws(DeliveryError) {
        try await each { sink throws(DeliveryError) in try await sink.flush() }
    }

    package func start() async {
        for sink in sinks { await sink.start() }
    }

    package func shutdown() async {
        await withTaskGroup(of: Void.self) { group in
            for sink in sinks { group.addTask { await sink.shutdown() } }
        }
    }

    /// The sum over all sinks; ``allStatistics()`` gives them one by one.
    package func statistics() async -> SinkStatistics {
        var total = SinkStatistics(name: name)
        for part in await allStatistics() {
            total.delivered += part.delivered
            total.retries += part.retries
            total.deadLettered += part.deadLettered
            total.outboxBatches += part.outboxBatches
            total.outboxAlerts += part.outboxAlerts
            total.dropped += part.dropped
            total.corrupt += part.corrupt
        }
        return total
    }

    /// Each sink's counters, in the order the sinks were given.
    package func allStatistics() async -> [SinkStatistics] {
        var result: [SinkStatistics] = []
        for sink in sinks { result.append(await sink.statistics()) }
        return result
    }

    private func each(
        _ body: @escaping @Sendable (any AlertSink) async throws(DeliveryError) -> Void
    ) async throws(DeliveryError) {
        let errors = await withTaskGroup(of: DeliveryError?.self) { group in
            for sink in sinks {
                group.addTask {
                    do throws(DeliveryError) {
                        try await body(sink)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var errors: [DeliveryError] = []
            for await error in group { if let error { errors.append(error) } }
            return errors
        }
        if let first = errors.first { throw first }
    }
}
