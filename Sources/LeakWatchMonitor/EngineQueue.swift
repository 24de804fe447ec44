import Dispatch

/// Runs the monitor's synchronous, CPU-bound core on one dedicated serial queue, so the Swift concurrency
/// threads that serve sinks and metrics are never blocked by parsing and aggregation.
final class EngineQueue<Core>: @unchecked Sendable {
    // Safe: `core` is touched only inside `queue`'s blocks, one at a time.
    private var core: Core
    private let queue = DispatchQueue(label: "leakwatch.monitor.engine")

    init(_ core: Core) {
        self.core = core
    }

    /// Runs `work` on the queue and returns its result.
    func run<Result: Sendable>(_ work: @escaping @Sendable (inout Core) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Swift.Result { try work(&self.core) })
            }
        }
    }
}
