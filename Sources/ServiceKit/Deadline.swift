/// The operation did not finish within its deadline.
package struct DeadlineExceeded: Error, CustomStringConvertible, Sendable {
    /// The deadline that passed, in seconds.
    package let seconds: Double

    /// A one-line message.
    package var description: String { "no answer within \(seconds) s" }
}

/// Runs `operation`, cancelling it and throwing ``DeadlineExceeded`` after `seconds`.
package func withDeadline<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw DeadlineExceeded(seconds: seconds)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlineExceeded(seconds: seconds) }
        return first
    }
}
