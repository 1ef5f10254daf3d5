import Foundation
import HummingbirdTesting
import NovaJSON
import Testing

extension TestClientProtocol {
    /// Polls nova-rag's `/health` until it says `healthy` (the documentation load runs in the background); the bound
    /// is generous because a loaded 2-core machine running the suite in parallel can take more than 10 s.
    func waitUntilHealthy(seconds: Double = 60) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await call(.get, "/health").1?["status"] == .string("healthy") { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("nova-rag did not become healthy within \(seconds) s")
    }
}

extension JSONValue {
    /// The value as a number, whether it was written as an integer or not.
    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}
