extension SQLDatabase {
    /// Runs `body` with the PostgreSQL pool running meanwhile (for commands that do not run the server).
    package func whileRunning<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard let client = backgroundService else { return try await body() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
