/// Checks `condition` every 100 ms until it holds; after `seconds` it throws naming `what`, so the test fails there
/// instead of going on from a state that never came.
func poll(_ what: String, seconds: Int, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    throw CreationFailed(description: "\(what) did not happen within \(seconds) s")
}
