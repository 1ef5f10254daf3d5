import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@Suite("Metrics and detailed health")
struct MetricsRouteTests {
    /// Executions: now 2 completed, 1 failed, 1 running; 2 h ago 1 failed; 2 days ago 1 completed.
    private func seeded(_ backend: Backend, breaker: CircuitBreakerSnapshot.State? = nil) async throws -> NovaApp.Database {
        let database = try await NovaApp.Database(backend)
        try await database.seed { stores in
            let now = Date()
            let workflow = try await stores.workflows.create(
                WorkflowDraft(name: "W", description: nil, graphDefinition: GraphFixtures.linear), at: now)
            let plan: [(ExecutionStatus, Double)] = [
                (.completed, 0), (.completed, 0), (.failed, 0), (.running, 0), (.failed, -7_200), (.completed, -172_800),
            ]
            for (status, offset) in plan {
                _ = try await stores.executions.create(ExecutionDraft(workflowID: workflow.id, status: status), at: now.addingTimeInterval(offset))
            }
            if let breaker {
                try await stores.breakers.save(
                    CircuitBreakerSnapshot(name: "sandbox", state: breaker, failureCount: 5, failureThreshold: 5, openedAt: now, updatedAt: now))
            }
        }
        return database
    }

    @Test("JSON metrics count the last 24 h and the last hour, read the shared breaker and time the database", arguments: Backend.available)
    func json(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, metrics) = try await client.call(.get, "/metrics")
            #expect(status == .ok)
            #expect(metrics?["timestamp"]?.stringValue?.hasSuffix("Z") == true)
            #expect(
                metrics?["executions"]
                    == .object(["total": .int(5), "completed": .int(2), "failed": .int(2), "pending": .int(1), "success_rate": .int(40)])
                    || metrics?["executions"]?["success_rate"] == .double(40))
            #expect(metrics?["error_rate"]?["total_executions"] == .int(4))
            #expect(metrics?["error_rate"]?["failed_executions"] == .int(1))
            #expect(metrics?["error_rate"]?["error_rate"] == .int(25) || metrics?["error_rate"]?["error_rate"] == .double(25))
            #expect(metrics?["error_rate"]?["period_hours"] == .int(1))
            #expect(
                metrics?["circuit_breaker"]
                    == .object(["state": .string("closed"), "failure_count": .int(0), "failure_threshold": .int(5), "is_healthy": .bool(true)]))
            #expect(metrics?["workflows"] == .object(["total_workflows": .int(1), "active_workflows": .int(1)]))
            #expect(metrics?["database"]?["connected"] == .bool(true))
            #expect(metrics?["database"]?["response_time_ms"] != .null)
            #expect(metrics?["cache"]?["total_cached_codes"] == .int(0))
        }
    }

    @Test("detailed health is healthy with a closed breaker and names the open breaker as an issue", arguments: Backend.available)
    func detailed(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, health) = try await client.call(.get, "/health/detailed")
            #expect(status == .ok)
            #expect(health?["healthy"] == .bool(true))
            #expect(health?["issues"] == .null)
            #expect(health?["components"] == .object(["database": .bool(true), "executor": .bool(true), "error_rate": .bool(true)]))
            #expect(health?["metrics"]?["workflows"]?["total_workflows"] == .int(1))
        }
        try await NovaApp.run(try await seeded(backend, breaker: .open)) { client in
            let (status, health) = try await client.call(.get, "/health/detailed")
            #expect(status == .ok)
            #expect(health?["healthy"] == .bool(false))
            #expect(health?["components"]?["executor"] == .bool(false))
            #expect(health?["issues"] == .array([.string("E2B executor circuit breaker is open")]))
            #expect(health?["metrics"]?["circuit_breaker"]?["state"] == .string("open"))
        }
    }

    @Test("Prometheus text is served for ?format=prometheus and for Accept: text/plain", arguments: Backend.available)
    func prometheus(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            _ = try await client.call(.get, "/workflows")
            let (type, text) = try await client.execute(uri: "/metrics?format=prometheus", method: .get) {
                ($0.headers[.contentType] ?? "", String(buffer: $0.body))
            }
            #expect(type.hasPrefix("text/plain"))
            #expect(text.contains("nova_executions_24h{status=\"completed\"} 2"))
            #expect(text.contains("nova_circuit_breaker_state{breaker=\"sandbox\",state=\"closed\"} 1"))
            #expect(text.contains("nova_database_up 1"))
            #expect(text.contains("nova_http_requests_total{method=\"GET\",route=\"/workflows\",status=\"200\"} 1"))
            let accepted = try await client.execute(uri: "/metrics", method: .get, headers: [.accept: "text/plain"]) { String(buffer: $0.body) }
            #expect(accepted.contains("# TYPE nova_workflows gauge"))
            #expect(try await client.call(.get, "/metrics?format=xml").0 == .unprocessableContent)
            #expect(try await client.call(.get, "/metrics", headers: [.accept: "application/json"]).1?["database"] != nil)
        }
    }
}
