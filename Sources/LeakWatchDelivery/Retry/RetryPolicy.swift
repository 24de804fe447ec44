/// How long to wait before the next attempt: exponential backoff with full jitter under a cap, unless the
/// receiver said how long with `Retry-After`.
package struct RetryPolicy: Sendable, Equatable {
    /// The backoff ceiling of the first retry.
    package var initialDelay: Duration
    /// The backoff ceiling never grows beyond this.
    package var maximumDelay: Duration
    /// A `Retry-After` longer than this is shortened to it (a receiver asking for a day is not waited on).
    package var maximumRetryAfter: Duration

    package init(
        initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(300),
        maximumRetryAfter: Duration = .seconds(3600)
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The wait after the `failures`-th failure in a row of the same batch.
    /// - Parameters:
    ///   - failures: 1 after the first failed attempt.
    ///   - retryAfter: what the receiver asked for, if it did; it is honoured as given (up to
    ///     ``maximumRetryAfter``), without jitter.
    ///   - unit: a uniform random number in `0..<1`.
    /// - Returns: with no `Retry-After`, a uniform draw in `0...min(maximumDelay, initialDelay × 2^(failures-1))`
    ///   ("full jitter"), so many senders that failed together do not retry together.
    package func delay(afterFailure failures: Int, retryAfter: Duration?, unit: Double) -> Duration {
        if let retryAfter {
            return min(max(retryAfter, .zero), maximumRetryAfter)
        }
        var ceiling = initialDelay
        var doublings = max(failures, 1) - 1
        while doublings > 0 && ceiling < maximumDelay {
            ceiling *= 2
            doublings -= 1
        }
        ceiling = min(ceiling, maximumDelay)
        let fraction = min(max(unit, 0), 1)
        return .milliseconds(Int64((Double(ceiling.milliseconds) * fraction).rounded(.down)))
    }
}
