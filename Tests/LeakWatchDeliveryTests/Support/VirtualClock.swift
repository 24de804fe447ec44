import LeakWatchDelivery
import Synchronization

/// A ``DeliveryClock`` whose time moves only when a sink sleeps: a retry after an hour's backoff takes a
/// millisecond of real time. Every sleep is recorded, and `onSleep` lets a test act at a point of virtual time
/// (bring a receiver back up, say).
final class VirtualClock: Sendable {
    private let state: Mutex<(now: Int64, sleeps: [Duration])>
    private let onSleep: @Sendable (_ nowMillis: Int64) async throws -> Void

    init(startMillis: Int64 = 1_790_000_000_000, onSleep: @escaping @Sendable (Int64) async throws -> Void = { _ in }) {
        state = Mutex((startMillis, []))
        self.onSleep = onSleep
    }

    var nowMillis: Int64 { state.withLock { $0.now } }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    var clock: DeliveryClock {
        DeliveryClock(
            nowMillis: { self.nowMillis },
            sleep: { duration in
                try Task.checkCancellation()
                let now = self.state.withLock { state in
                    state.sleeps.append(duration)
                    state.now += duration.components.seconds * 1000
                        + duration.components.attoseconds / 1_000_000_000_000_000
                    return state.now
                }
                try await self.onSleep(now)
                // Pacing only (no assertion depends on it): lets the receiver's event loop run between attempts.
                try await Task.sleep(for: .milliseconds(1))
            },
            random: { 0.5 })
    }
}
