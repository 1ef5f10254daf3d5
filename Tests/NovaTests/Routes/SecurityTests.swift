import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI

@Suite("API keys, exposure, CORS and rate limits")
struct SecurityTests {
    private static let apiKey = HTTPField.Name("X-API-Key")!

    @Test("with NOVA_API_KEYS every route but / and /health needs a key as Bearer or X-API-Key")
    func apiKeys() async throws {
        try await NovaApp.run(.sqlite, ["NOVA_API_KEYS": "k-one, k-two"]) { client in
            #expect(try await client.call(.get, "/").0 == .ok)
            #expect(try await client.call(.get, "/health").0 == .ok)
            let (status, error) = try await client.execute(uri: "/workflows", method: .get) { ($0.status, $0.headers[.wwwAuthenticate]) }
            #expect(status == .unauthorized)
            #expect(error == "Bearer")
            #expect(try await client.call(.get, "/workflows").1?["status_code"] == .int(401))
            #expect(try await client.call(.get, "/workflows", headers: [.authorization: "Bearer k-one"]).0 == .ok)
            #expect(try await client.call(.get, "/workflows", headers: [.authorization: "bearer k-two"]).0 == .ok)
            #expect(try await client.call(.get, "/metrics", headers: [Self.apiKey: "k-two"]).0 == .ok)
            #expect(try await client.call(.get, "/workflows", headers: [.authorization: "Bearer k-three"]).0 == .unauthorized)
            #expect(try await client.call(.get, "/workflows", headers: [Self.apiKey: "k-on"]).0 == .unauthorized)
            #expect(try await client.call(.get, "/health/components").0 == .unauthorized)
        }
    }

    @Test("a non-loopback HOST without keys is refused, naming NOVA_API_KEYS and NOVA_ALLOW_UNAUTHENTICATED")
    func exposure() async throws {
        let env = try TestEnvironment()
        let error = await #expect(throws: ConfigError.self) {
            _ = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova(["HOST": "0.0.0.0"])), logger: TestEnvironment.logger)
        }
        #expect(error?.key == "NOVA_API_KEYS")
        #expect(error?.description.contains("NOVA_ALLOW_UNAUTHENTICATED=true") == true)
        #expect(error?.description.contains("HOST=0.0.0.0") == true)
        for extra in [["NOVA_ALLOW_UNAUTHENTICATED": "true"], ["NOVA_API_KEYS": "k"]] {
            let config = try NovaConfig(env: env.nova(extra.merging(["HOST": "0.0.0.0"]) { $1 }))
            _ = try await NovaAPI.buildApplication(config: config, logger: TestEnvironment.logger)
        }
    }

    @Test("CORS echoes the contract's origins with credentials, answers preflights, and ignores other origins")
    func cors() async throws {
        try await NovaApp.run(.sqlite, ["NOVA_API_KEYS": "k"]) { client in
            let allowed: HTTPFields = [.origin: "http://localhost:5173"]
            let headers = try await client.execute(uri: "/health", method: .get, headers: allowed) { $0.headers }
            #expect(headers[.accessControlAllowOrigin] == "http://localhost:5173")
            #expect(headers[.accessControlAllowCredentials] == "true")
            let refused = try await client.execute(uri: "/workflows", method: .get, headers: allowed) { $0 }
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.accessControlAllowOrigin] == "http://localhost:5173")
            let preflight: HTTPFields = [
                .origin: "https://nova-dashboard.vercel.app", .accessControlRequestMethod: "PUT",
                .accessControlRequestHeaders: "authorization,content-type",
            ]
            let answer = try await client.execute(uri: "/workflows/1", method: .options, headers: preflight) { $0 }
            #expect(answer.status == .noContent)
            #expect(answer.headers[.accessControlAllowMethods]?.contains("PUT") == true)
            #expect(answer.headers[.accessControlAllowHeaders] == "authorization,content-type")
            let other = try await client.execute(uri: "/health", method: .get, headers: [.origin: "https://evil.test"]) { $0.headers }
            #expect(other[.accessControlAllowOrigin] == nil)
        }
        try await NovaApp.run(.sqlite, ["CORS_ORIGINS": "https://app.test"]) { client in
            let headers = try await client.execute(uri: "/", method: .get, headers: [.origin: "https://app.test"]) { $0.headers }
            #expect(headers[.accessControlAllowOrigin] == "https://app.test")
            let old = try await client.execute(uri: "/", method: .get, headers: [.origin: "http://localhost:3000"]) { $0.headers }
            #expect(old[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("each key has its own token bucket; an empty one is a 429 with Retry-After; health is never limited")
    func rateLimit() async throws {
        try await NovaApp.run(.sqlite, ["NOVA_API_KEYS": "a,b", "RATE_LIMIT_PER_MINUTE": "2"]) { client in
            let a: HTTPFields = [.authorization: "Bearer a"]
            #expect(try await client.call(.get, "/workflows", headers: a).0 == .ok)
            #expect(try await client.call(.get, "/workflows", headers: a).0 == .ok)
            let limited = try await client.execute(uri: "/workflows", method: .get, headers: a) { $0 }
            #expect(limited.status == .tooManyRequests)
            let retryAfter = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...30).contains(retryAfter))
            #expect(limited.json?["error"] == .string("Rate limit exceeded: 2 requests per minute (RATE_LIMIT_PER_MINUTE)"))
            #expect(try await client.call(.get, "/workflows", headers: [.authorization: "Bearer b"]).0 == .ok)
            for _ in 0..<5 { #expect(try await client.call(.get, "/health").0 == .ok) }
        }
    }

    @Test("a token bucket refills at its rate per minute and says how long to wait")
    func tokenBucket() {
        var bucket = TokenBucket(perMinute: 60, now: 0)
        for _ in 0..<60 { #expect(bucket.take(at: 0) == nil) }
        #expect(bucket.take(at: 0) == 1)
        #expect(bucket.take(at: 0.5) == 0.5)
        #expect(bucket.take(at: 1.0) == nil)
        #expect(bucket.isFull(at: 1_000))
    }
}
