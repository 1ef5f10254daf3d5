import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI

/// nova's brake on abuse: failed authentication per client address.
@Suite("Abuse limits (nova)")
struct AbuseLimitTests {
    @Test("after AUTH_FAILURES_PER_MINUTE wrong keys the client gets 429 with Retry-After, even with the right key; /health stays open")
    func authFailureBrake() async throws {
        try await NovaApp.run(.sqlite, ["NOVA_API_KEYS": "right", "AUTH_FAILURES_PER_MINUTE": "5"]) { client in
            for _ in 0..<5 {
                #expect(try await client.call(.get, "/workflows", headers: [.authorization: "Bearer wrong"]).0 == .unauthorized)
            }
            let braked = try await client.execute(uri: "/workflows", method: .get, headers: [.authorization: "Bearer right"]) { $0 }
            #expect(braked.status == .tooManyRequests)
            let retryAfter = try #require(braked.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(retryAfter))
            #expect(braked.json?["error"]?.stringValue?.contains("AUTH_FAILURES_PER_MINUTE") == true)
            #expect(try await client.call(.get, "/health").0 == .ok)
        }
    }

    @Test("a valid key never spends the brake")
    func validKeysDoNotCount() async throws {
        try await NovaApp.run(.sqlite, ["NOVA_API_KEYS": "right", "AUTH_FAILURES_PER_MINUTE": "2"]) { client in
            for _ in 0..<10 {
                let (status, _) = try await client.call(.get, "/workflows", headers: [.authorization: "Bearer right"])
                #expect(status == .ok)
            }
        }
    }
}
