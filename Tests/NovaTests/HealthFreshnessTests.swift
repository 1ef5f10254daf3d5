import AsyncHTTPClient
import Foundation
import NovaJSON
import ServiceKit
import Testing

/// nova's `/health` tells the truth within seconds: a check that hangs cannot freeze it, and nova-rag coming up later
/// is seen.
@Suite("Health freshness")
struct HealthFreshnessTests {
    @Test("withDeadline returns at its deadline even when the operation ignores cancellation")
    func hardDeadline() async throws {
        let finished = ManagedAtomicFlag()
        await #expect(throws: DeadlineExceeded.self) {
            try await withDeadline(seconds: 0.2) {
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
                        finished.set()
                        continuation.resume()
                    }
                }
            }
        }
        // A task group would have waited the operation's full minute.
        #expect(!finished.isSet)
    }

    @Test(
        "a frozen PostgreSQL makes /health say so within seconds, checked_at keeps moving, and it recovers",
        .enabled(if: ProcessInfo.processInfo.environment["POSTGRES_URL"] != nil))
    func frozenDatabase() async throws {
        var url = try #require(URLComponents(string: try await PostgresTestDatabase.create()))
        let proxy = try FreezableTCPProxy(upstreamPort: try #require(url.port))
        defer { proxy.stop() }
        url.port = proxy.port
        let directory = try TestEnvironment()
        let nova = try await ServiceProcess(
            "nova",
            environment: [
                "DATABASE_URL": try #require(url.string), "REDIS_URL": "", "NOVA_DATA_DIR": directory.directory.path, "WORKER_CONCURRENCY": "0",
            ])
        defer { nova.stop() }

        proxy.frozen = true
        let frozenAt = Date()
        var seen: [String: String] = [:]
        try await poll("the frozen database reported", seconds: 20) {
            seen = try await Self.health(nova)
            return seen["database"]?.hasPrefix("error") == true
        }
        #expect(Date().timeIntervalSince(frozenAt) < 15)
        #expect(seen["status"] == "unhealthy")
        let first = try #require(seen["checked_at"])
        try await poll("checked_at moves while the database is frozen", seconds: 15) { try await Self.health(nova)["checked_at"] != first }

        proxy.frozen = false
        try await poll("the database reported connected again", seconds: 20) { try await Self.health(nova)["database"] == "connected" }
    }

    @Test("nova-rag started after nova is reported connected within seconds")
    func ragComesUpLater() async throws {
        let ragPort = try ServiceProcess.freePort()
        let directory = try TestEnvironment()
        let nova = try await ServiceProcess(
            "nova",
            environment: [
                "NOVA_DATA_DIR": directory.directory.path, "WORKER_CONCURRENCY": "0", "RAG_SERVICE_URL": "http://127.0.0.1:\(ragPort)",
                "REDIS_URL": "", "DATABASE_URL": "",
            ])
        defer { nova.stop() }
        #expect(try await Self.health(nova)["rag_service"] == "unreachable")
        let rag = try await ServiceProcess(
            "nova-rag",
            environment: [
                "NOVA_RAG_DATA_DIR": directory.directory.path, "KNOWLEDGE_DIR": directory.knowledge.path, "EMBEDDING_PROVIDER": "hash",
            ], port: ragPort)
        defer { rag.stop() }
        let cameUp = Date()
        try await poll("nova-rag reported connected", seconds: 20) { try await Self.health(nova)["rag_service"] == "connected" }
        #expect(Date().timeIntervalSince(cameUp) < 12)
    }

    private static func health(_ service: ServiceProcess) async throws -> [String: String] {
        let (_, text) = try await HTTPClient.shared.getText(service.baseURL + "/health")
        guard case .object(let fields)? = JSONValue(jsonText: text) else { return [:] }
        return fields.compactMapValues(\.stringValue)
    }
}

/// A flag set from another thread.
private final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
