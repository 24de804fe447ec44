import Foundation
import Synchronization

/// Temporary files and directories that tests share for the whole run (generated logs made once per suite, spool
/// directories handed to sinks): they outlive any one test, so they are removed when the test process exits.
public enum RemovedAtExit {
    private static let paths = Mutex<[String]>([])

    /// Installs the exit handler once, on first use.
    private static let handlerInstalled: Bool = {
        atexit { RemovedAtExit.removeAll() }
        return true
    }()

    /// Registers `path` (a file or a directory tree) for removal when the process exits, and returns it.
    @discardableResult
    public static func register(_ path: String) -> String {
        _ = handlerInstalled
        paths.withLock { $0.append(path) }
        return path
    }

    private static func removeAll() {
        for path in paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
