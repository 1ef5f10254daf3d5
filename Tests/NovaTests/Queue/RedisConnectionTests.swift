import Foundation
import Testing

@testable import NovaAPI

/// The hiredis connection against the real Redis of `REDIS_URL`.
@Suite("Redis connection", .enabled(if: ProcessInfo.processInfo.environment["REDIS_URL"] != nil))
struct RedisConnectionTests {
    @Test("a connection Redis dropped fails the command that found it broken, then reconnects for the next one")
    func reconnectsAfterADrop() async throws {
        let url = try RedisURL(try #require(ProcessInfo.processInfo.environment["REDIS_URL"]))
        let connection = try RedisConnection(url: url)
        let killer = try RedisConnection(url: url)
        let key = "test:reconnect:\(UUID().uuidString.lowercased())"
        guard case .integer(let id) = try await connection.command(["CLIENT", "ID"]) else {
            Issue.record("CLIENT ID did not answer an integer")
            return
        }
        #expect(try await killer.command(["CLIENT", "KILL", "ID", String(id)]) == .integer(1))
        await #expect(throws: RedisError.self) { try await connection.command(["SET", key, "1"]) }
        #expect(try await connection.command(["SET", key, "2"]) == .status("OK"))
        #expect(try await connection.command(["GET", key]) == .string("2"))
        #expect(try await connection.command(["CLIENT", "ID"]) != .integer(id))
        _ = try await killer.command(["DEL", key])
    }
}
