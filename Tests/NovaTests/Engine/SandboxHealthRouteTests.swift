import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

/// The sandbox as nova's routes report it: its isolation in `/health/components`, its circuit breaker in `/metrics`
/// and `/health/detailed`, with real sandboxes that lack bubblewrap or an interpreter, and `SANDBOX_ISOLATION`.
@Suite("Sandbox health through the routes")
struct SandboxHealthRouteTests {
    private typealias G = GraphFixtures

    @Test("/health/components says the sandbox is enforced, with its mode and what is missing, and Landlock still runs workflows")
    func isolation() async throws {
        try await NovaApp.run(.sqlite) { client in
            let (_, components) = try await client.call(.get, "/health/components")
            #expect(components?["sandbox"] == "enforced")
            #expect(components?["sandbox_mode"] == "namespaces")
            #expect(components?["sandbox_reason"] == .null)
        }
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.bubblewrap = "/nonexistent/bwrap"
        try await NovaApp.run(.sqlite, ["WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue(), sandbox: configuration) {
            client in
            let (_, components) = try await client.call(.get, "/health/components")
            #expect(components?["sandbox"] == "enforced")
            #expect(components?["sandbox_mode"] == "landlock")
            let reason = try #require(components?["sandbox_reason"]?.stringValue)
            #expect(reason.contains("bubblewrap cannot run here") && reason.contains("/nonexistent/bwrap") && reason.contains("Landlock"))
            let task = try await client.executeToEnd(G.linear)
            #expect(task["status"] == "SUCCESS")
            #expect(task["result"]?["final_context"]?["x"] == 1)
        }
    }

    @Test("SANDBOX_ISOLATION naming a mode that cannot run makes /health/components say refused and every node fail with why")
    func refused() async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.bubblewrap = "/nonexistent/bwrap"
        let environment = ["WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none", "SANDBOX_ISOLATION": "namespaces"]
        try await NovaApp.run(.sqlite, environment, queue: InProcessJobQueue(), sandbox: configuration) { client in
            let (_, components) = try await client.call(.get, "/health/components")
            #expect(components?["sandbox"] == "refused")
            #expect(components?["sandbox_mode"] == .null)
            #expect(components?["sandbox_reason"]?.stringValue?.contains("SANDBOX_ISOLATION=rlimits-only") == true)
            let task = try await client.executeToEnd(G.linear)
            #expect(task["status"] == "FAILURE")
            #expect(
                task["error"]?.stringValue?.hasPrefix(
                    "Unexpected error in node read: Sandbox refuses to run node code: SANDBOX_ISOLATION=namespaces, but bubblewrap cannot run here")
                    == true, "\(task["error"] ?? .null)")
            let (_, metrics) = try await client.call(.get, "/metrics")
            #expect(metrics?["circuit_breaker"]?["failure_count"] == 0)
        }
    }

    @Test("SANDBOX_ISOLATION=rlimits-only is reported as degraded and runs workflows")
    func rlimitsOnly() async throws {
        let environment = ["WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none", "SANDBOX_ISOLATION": "rlimits-only"]
        try await NovaApp.run(.sqlite, environment, queue: InProcessJobQueue()) { client in
            let (_, components) = try await client.call(.get, "/health/components")
            #expect(components?["sandbox"] == "degraded")
            #expect(components?["sandbox_mode"] == "rlimits-only")
            #expect(components?["sandbox_reason"]?.stringValue?.hasPrefix("SANDBOX_ISOLATION=rlimits-only") == true)
            let task = try await client.executeToEnd(G.linear)
            #expect(task["status"] == "SUCCESS")
        }
    }

    @Test(
        "a sandbox that cannot start its interpreter opens the shared breaker after five nodes; later nodes fail at once",
        arguments: Backend.available)
    func breaker(backend: Backend) async throws {
        let folder = URL(fileURLWithPath: "/tmp/nova-breaker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = SandboxConfiguration(interpreter: folder.appendingPathComponent("python3").path)
        try await NovaApp.run(backend, ["WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue(), sandbox: broken) {
            client in
            for _ in 1...5 {
                let task = try await client.executeToEnd(G.linear)
                #expect(task["status"] == "FAILURE")
                #expect(
                    task["error"]?.stringValue?.hasPrefix(
                        "Unexpected error in node read: Sandbox infrastructure failure: the interpreter did not start") == true)
            }
            let (_, metrics) = try await client.call(.get, "/metrics")
            let breaker = metrics?["circuit_breaker"]
            #expect(breaker?["state"] == "open")
            #expect(breaker?["failure_count"] == 5)
            #expect(breaker?["is_healthy"] == false)
            let (_, detailed) = try await client.call(.get, "/health/detailed")
            #expect(detailed?["components"]?["executor"] == false)
            let refused = try await client.executeToEnd(G.linear)
            #expect(refused["status"] == "FAILURE")
            #expect(refused["error"]?.stringValue?.hasPrefix("Unexpected error in node read: Sandbox circuit breaker is OPEN") == true)
            #expect(refused["result"]?["failed_at_node"] == "read")
        }
    }
}
