import AsyncHTTPClient
import Foundation
import NovaJSON
import Testing

/// Issue 7's acceptance: two real `nova worker` processes on Redis and PostgreSQL; the one running a 3-node workflow is
/// killed with SIGKILL during node 2 and the other finishes the run without running node 1 again.
@Suite(
    "Worker crash recovery",
    .enabled(if: ProcessInfo.processInfo.environment["REDIS_URL"] != nil && ProcessInfo.processInfo.environment["POSTGRES_URL"] != nil))
struct WorkerCrashRecoveryTests {
    private typealias G = GraphFixtures

    /// start → one → two (sleeps 3 s) → three → end.
    private static let workflow = JSONValue.object([
        "name": "crash",
        "graph_definition": G.graph(
            nodes: [
                G.node("start", "start"), G.code("one", "context['one'] = 1"),
                G.code("two", "import time\ntime.sleep(3)\ncontext['two'] = 2"),
                G.code("three", "context['three'] = context['one'] + context['two']"),
                G.node("end", "end"),
            ],
            edges: [G.edge("start", "one"), G.edge("one", "two"), G.edge("two", "three"), G.edge("three", "end")]),
    ])

    @Test("kill -9 of the worker during node 2: the other takes the lease over, finishes the run, and node 1 ran once")
    func killDuringNodeTwo() async throws {
        let directory = try TestEnvironment()
        let environment = [
            "DATABASE_URL": try await PostgresTestDatabase.create(), "REDIS_QUEUE_KEY": "test:crash:\(UUID().uuidString.lowercased())",
            "NOVA_SECRET_KEY": NovaApp.secretKey, "WORKER_LEASE_SECONDS": "2", "WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none",
            "NOVA_DATA_DIR": directory.directory.path, "LOG_LEVEL": "info",
        ]
        let api = try await ServiceProcess("nova", environment: environment, arguments: ["--no-workers"])
        defer { api.stop() }
        let healthPort = try ServiceProcess.freePort()
        let workers = [
            try await ServiceProcess(
                "nova", environment: environment.merging(["WORKER_HEALTH_PORT": String(healthPort)]) { $1 }, subcommand: "worker",
                readyLine: "workers started"),
            try await ServiceProcess("nova", environment: environment, subcommand: "worker", readyLine: "workers started"),
        ]
        defer { workers.forEach { $0.stop() } }
        var health = ""
        try await poll("worker health endpoint", seconds: 30) {
            guard let (status, text) = try? await HTTPClient.shared.getText("http://127.0.0.1:\(healthPort)/health/components") else { return false }
            health = text
            return status == 200
        }
        #expect(JSONValue(jsonText: health)?["database"] == "connected")
        #expect(JSONValue(jsonText: health)?["redis"] == "configured")

        let (created, workflow) = try await HTTPClient.shared.postJSON(api.baseURL + "/workflows", Self.workflow.jsonText)
        #expect(created == 201)
        let workflowID = try #require(JSONValue(jsonText: workflow)?["id"]?.intValue)
        let (accepted, body) = try await HTTPClient.shared.postJSON(api.baseURL + "/workflows/\(workflowID)/execute", #"{"initial_context": {}}"#)
        #expect(accepted == 202)
        let taskID = try #require(JSONValue(jsonText: body)?["task_id"]?.stringValue)

        try await poll("node two running", seconds: 30) { try await task(api, taskID)?["meta"]?["current_node"] == "two" }
        let holder = try #require(workers.first { $0.logText.contains(taskID) })
        let survivor = try #require(workers.first { $0 !== holder })
        holder.kill9()
        let killed = ContinuousClock.now
        try await poll("takeover", seconds: 30) { survivor.logText.contains(taskID) }
        let takeover = ContinuousClock.now - killed
        print("worker crash recovery: the surviving worker leased the task \(takeover) after kill -9 (lease 2 s)")

        var outcome: JSONValue?
        try await poll("task finished", seconds: 30) {
            outcome = try await task(api, taskID)
            return !["PENDING", "STARTED", "RUNNING"].contains(outcome?["status"]?.stringValue ?? "PENDING")
        }
        #expect(outcome?["status"] == "SUCCESS")
        #expect(outcome?["result"]?["final_context"]?["three"] == 3)
        let executionID = try #require(outcome?["execution_id"]?.intValue)
        let (_, chainText) = try await HTTPClient.shared.getText(api.baseURL + "/executions/\(executionID)/chain")
        let entries = try #require(JSONValue(jsonText: chainText)?["entries"]?.arrayValue)
        #expect(entries.compactMap { $0["node_id"]?.stringValue } == ["start", "one", "two", "three", "end"])
        #expect(entries.filter { $0["node_id"] == "one" }.count == 1)
        #expect(entries.filter { $0["node_id"] == "two" }.map { $0["status"] } == ["success"])
    }

    private func task(_ api: ServiceProcess, _ id: String) async throws -> JSONValue? {
        let (status, text) = try await HTTPClient.shared.getText(api.baseURL + "/tasks/\(id)")
        #expect(status == 200)
        return JSONValue(jsonText: text)
    }
}
