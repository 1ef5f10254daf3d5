/// Runs `body` while `beat` runs beside it every `interval` (renewing a lease, heartbeating a queue entry, polling for
/// cancellation); returns `body`'s result, or nil as soon as a beat answers false. An error of either ends the run with
/// that error; whichever finishes first cancels the other.
package func withBeat<T: Sendable>(
    every interval: Duration, beat: @escaping @Sendable () async throws -> Bool, run body: @escaping @Sendable () async throws -> T
) async throws -> T? {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            repeat {
                try await Task.sleep(for: interval)
            } while try await beat()
            return nil
        }
        defer { group.cancelAll() }
        return try await group.next() ?? nil
    }
}
