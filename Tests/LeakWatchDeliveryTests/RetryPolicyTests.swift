import LeakWatchDelivery
import Testing

@Suite("retry policy: backoff, jitter, Retry-After, which responses are retried")
struct RetryPolicyTests {
    @Test("the backoff ceiling doubles from the initial delay up to the cap; full jitter draws below it")
    func exponentialBackoffWithFullJitter() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(60))
        let ceilings = (1...9).map { policy.delay(afterFailure: $0, retryAfter: nil, unit: 0.999_999) }
        #expect(ceilings.map { ($0 + .milliseconds(1)).components.seconds } == [1, 2, 4, 8, 16, 32, 60, 60, 60])
        #expect(policy.delay(afterFailure: 5, retryAfter: nil, unit: 0) == .zero)
        #expect(policy.delay(afterFailure: 5, retryAfter: nil, unit: 0.5) == .seconds(8))
        #expect(policy.delay(afterFailure: 1_000, retryAfter: nil, unit: 0.5) == .seconds(30))
    }

    @Test("a Retry-After is waited as given, without jitter, up to its own cap")
    func retryAfterWins() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(60), maximumRetryAfter: .seconds(600))
        #expect(policy.delay(afterFailure: 1, retryAfter: .seconds(120), unit: 0) == .seconds(120))
        #expect(policy.delay(afterFailure: 1, retryAfter: .seconds(86_400), unit: 0.5) == .seconds(600))
    }

    @Test("Retry-After reads delay seconds and all three HTTP date forms, relative to now")
    func retryAfterParsing() {
        let now: Int64 = 1_792_567_660_000  // 2026-10-21T07:27:40Z
        #expect(RetryAfter.delay("120", nowMillis: now) == .seconds(120))
        #expect(RetryAfter.delay(" 7 ", nowMillis: now) == .seconds(7))
        #expect(RetryAfter.delay("Wed, 21 Oct 2026 07:28:00 GMT", nowMillis: now) == .seconds(20))
        #expect(RetryAfter.delay("Wednesday, 21-Oct-26 07:28:00 GMT", nowMillis: now) == .seconds(20))
        #expect(RetryAfter.delay("Wed Oct 21 07:28:00 2026", nowMillis: now) == .seconds(20))
        #expect(RetryAfter.delay("Wed, 21 Oct 2026 07:00:00 GMT", nowMillis: now) == .zero)
        for garbage in ["", "soon", "-5", "1.5", "Wed, 32 Oct 2026 07:28:00 GMT", "Wed, 21 Foo 2026 07:28:00 GMT"] {
            #expect(RetryAfter.delay(garbage, nowMillis: now) == nil, "\(garbage)")
        }
    }

    @Test("2xx delivers; 408, 429 and 5xx are retried (with their Retry-After); other statuses are refusals",
          arguments: [
              (200, "delivered"), (202, "delivered"), (204, "delivered"), (408, "retry"), (429, "retry"),
              (500, "retry"), (502, "retry"), (503, "retry"), (400, "rejected"), (401, "rejected"),
              (403, "rejected"), (404, "rejected"), (410, "rejected"), (422, "rejected"), (301, "rejected"),
          ])
    func classification(status: Int, expected: String) {
        switch DeliveryOutcome.of(status: status, retryAfter: "3", nowMillis: 0) {
        case .delivered: #expect(expected == "delivered")
        case .retry(let after, _):
            #expect(expected == "retry")
            #expect(after == .seconds(3))
        case .rejected(let code, _):
            #expect(expected == "rejected")
            #expect(code == status)
        }
    }
}
