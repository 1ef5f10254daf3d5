import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI

/// nova's brakes on abuse: failed authentication per client address, and the bound on queued executions.
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

    @Test("beyond MAX_QUEUED_EXECUTIONS waiting tasks an execution is refused with 503 and Retry-After, and none is recorded")
    func backlogBound() async throws {
        let database = try await NovaApp.Database(.sqlite)
        try await NovaApp.run(database, ["MAX_QUEUED_EXECUTIONS": "3"]) { client in
            let id = try await client.create("/workflows", .object(["name": .string("W"), "graph_definition": GraphFixtures.linear]))
            for _ in 0..<3 {
                #expect(try await client.post("/workflows/\(id)/execute", .object([:])).0 == .accepted)
            }
            let refused = try await client.execute(uri: "/workflows/\(id)/execute", method: .post, body: JSONValue.object([:]).body) { $0 }
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "10")
            #expect(refused.json?["error"]?.stringValue?.contains("MAX_QUEUED_EXECUTIONS") == true)
        }
        try await database.seed { stores in
            let pending = try await stores.tasks.countPending(upTo: 100)
            #expect(pending == 3)
        }
    }
}
