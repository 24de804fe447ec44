import Synchronization

/// A flag a test opens once to let a hook (a clock's sleep, say) go ahead.
final class Gate: Sendable {
    private let state = Mutex(false)

    var isOpen: Bool { state.withLock { $0 } }

    func open() { state.withLock { $0 = true } }
}
