/// A chain entry just appended, with what the same write learned about its execution.
package struct AppendedChainEntry: Sendable, Equatable {
    /// The stored entry.
    package var entry: ChainEntry
    /// Whether cancellation of the execution had been requested when the entry was written: the engine honours it
    /// before the next node without another read.
    package var cancellationRequested: Bool

    /// Creates the value.
    package init(entry: ChainEntry, cancellationRequested: Bool) {
        self.entry = entry
        self.cancellationRequested = cancellationRequested
    }
}
