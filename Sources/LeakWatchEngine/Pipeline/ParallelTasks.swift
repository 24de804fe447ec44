import Dispatch
import Synchronization

/// Runs a list of independent tasks on at most a given number of Dispatch threads, each thread taking the next
/// task as soon as it is free, so that a long task (decoding a block) and many short ones (parsing chunks) balance.
///
/// With one thread the tasks run in order on the calling thread: `--workers 1` uses one core.
enum ParallelTasks {
    /// Calls `body` once for every index in `0..<tasks`, on at most `threads` threads, and returns when all are done.
    /// Tasks are handed out in index order.
    static func run(tasks: Int, threads: Int, _ body: (Int) -> Void) {
        guard tasks > 0 else { return }
        let width = min(threads, tasks)
        if width <= 1 {
            for index in 0..<tasks { body(index) }
            return
        }
        let next = TaskCounter()
        withoutActuallyEscaping(body) { body in
            // Safe: `body` is only called while this function waits in concurrentPerform.
            let shared = UnsafeTransfer(body)
            DispatchQueue.concurrentPerform(iterations: width) { _ in
                while true {
                    let index = next.take()
                    if index >= tasks { break }
                    shared.wrappedValue(index)
                }
            }
        }
    }
}

/// The index of the next task to hand out.
private final class TaskCounter: Sendable {
    private let counter = Atomic<Int>(0)

    func take() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}

/// The seconds each task of a ``ParallelTasks`` run took: every task writes only its own slot, so they may run at
/// once; read the total after the run.
final class ThreadSeconds: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Double>

    init(tasks: Int) {
        slots = .allocate(capacity: max(tasks, 1))
        slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }

    /// Records the seconds of task `task` (only that task may call this with its index).
    func record(_ task: Int, _ seconds: Double) { slots[task] = seconds }

    /// The sum over the tasks `range`.
    func total(_ range: Range<Int>) -> Double { range.reduce(0) { $0 + slots[$1] } }

    /// The sum over every task.
    var total: Double { total(0..<slots.count) }
}
