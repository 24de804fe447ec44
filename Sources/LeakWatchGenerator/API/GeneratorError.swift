/// Options the generator cannot work with, or output it could not write.
package struct GeneratorError: Error, CustomStringConvertible, Sendable {
    /// The option or file concerned.
    package var subject: String
    /// What is wrong with it.
    package var problem: String

    /// An error about `subject` (an option name or a path).
    package init(_ subject: String, _ problem: String) {
        self.subject = subject
        self.problem = problem
    }

    /// `subject: problem`.
    package var description: String { "\(subject): \(problem)" }
}
