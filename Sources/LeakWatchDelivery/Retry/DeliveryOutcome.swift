/// What one HTTP attempt came to.
package enum DeliveryOutcome: Sendable, Equatable {
    /// A 2xx: the receiver has the batch.
    case delivered
    /// Worth another try: connection error, timeout, 408, 429 or 5xx; `after` is the receiver's `Retry-After`.
    case retry(after: Duration?, reason: String)
    /// The receiver refused the batch for good (another 4xx, or a 1xx/3xx): retrying would not help.
    case rejected(status: Int, reason: String)

    /// The outcome of a response with `status` and a `Retry-After` header value, if any.
    package static func of(status: Int, retryAfter: String?, nowMillis: Int64) -> DeliveryOutcome {
        switch status {
        case 200..<300:
            return .delivered
        case 408, 429, 500..<600:
            return .retry(after: retryAfter.flatMap { RetryAfter.delay($0, nowMillis: nowMillis) },
                          reason: "HTTP \(status)")
        default:
            return .rejected(status: status, reason: "HTTP \(status)")
        }
    }
}
