/// Hands a non-Sendable value to a Dispatch worker. Every unchecked hand-off in the engine goes through this type
/// so that they are easy to find; each use says why it is safe.
package struct UnsafeTransfer<Wrapped>: @unchecked Sendable {
    package let wrappedValue: Wrapped

    package init(_ wrappedValue: Wrapped) {
        self.wrappedValue = wrappedValue
    }
}
