import Foundation

/// Wall-clock time, sleeping and randomness for retries, injectable so tests run without waiting.
package struct DeliveryClock: Sendable {
    /// Wall-clock time, epoch milliseconds (signature timestamps, Retry-After dates, Alertmanager `endsAt`).
    package var nowMillis: @Sendable () -> Int64
    /// Waits for a duration; throws when the task is cancelled.
    package var sleep: @Sendable (Duration) async throws -> Void
    /// A uniform random number in `0..<1` (backoff jitter).
    package var random: @Sendable () -> Double

    package init(
        nowMillis: @escaping @Sendable () -> Int64,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        random: @escaping @Sendable () -> Double
    ) {
        self.nowMillis = nowMillis
        self.sleep = sleep
        self.random = random
    }

    /// The real clock.
    package static let system = DeliveryClock(
        nowMillis: { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) },
        sleep: { try await Task.sleep(for: $0) },
        random: { Double.random(in: 0..<1) })
}

extension Duration {
    /// Whole milliseconds (rounded down).
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
