import AsyncHTTPClient
import Foundation
import NovaJSON
import Testing

/// A Redis that restarts empty (no persistence) in the middle of a backlog: `nova serve` and two `nova worker`
/// processes on PostgreSQL recreate the stream and its group, queue the lost tasks again from their sealed jobs, and
/// every execution finishes exactly once.
@Suite(
    "Queue loss recovery",
    .enabled(if: ProcessInfo.processInfo.environment["REDIS_URL"] != nil && ProcessInfo.processInfo.environment["POSTGRES_URL"] != nil))
struct QueueLossRecoveryTests {
    private typealias G = GraphFixtures
    private static let executions = 30

    /// start → count (sleeps 0.2 s) → end.
    private static let workflow = JSONValue.object([
        "name": "backlog",
        "graph_definition": G.graph(
            nodes: [
                G.node("start", "start"), G.code("count", "import time\ntime.sleep(0.2)\ncontext['n'] = context['n'] + 1"), G.node("end", "end"),
            ],
            edges: [G.edge("start", "count"), G.edge("count", "end")]),
    ])

    @Test("Redis restarted empty with executions queued and running: all finish SUCCESS, each ran once, /health says so")
    func redisRestartedEmpty() async throws {
        let redis = try await RedisServerProcess()
        defer { redis.stop() }
        let directory = try TestEnvironment()
        let environment = [
            "DATABASE_URL": try await PostgresTestDatabase.create(), "REDIS_URL": redis.url, "NOVA_SECRET_KEY": NovaApp.secretKey,
            "WORKER_LEASE_SECONDS": "2", "WORKER_CONCURRENCY": "2", "QUEUE_RECONCILE_SECONDS": "2", "SANDBOX_NETWORK": "none",
            "NOVA_DATA_DIR": directory.directory.path, "LOG_LEVEL": "info", "RATE_LIMIT_PER_MINUTE": "1000000",
        ]
        let api = try await ServiceProcess("nova", environment: environment, arguments: ["--no-workers"])
        defer { api.stop() }
        let workers = [
            try await ServiceProcess("nova", environment: environment, subcommand: "worker", readyLine: "workers started"),
            try await ServiceProcess("nova", environment: environment, subcommand: "worker", readyLine: "workers started"),
        ]
        defer { workers.forEach { $0.stop() } }

        let (created, workflow) = try await HTTPClient.shared.postJSON(api.baseURL + "/workflows", Self.workflow.jsonText)
        #expect(created == 201)
        let workflowID = try #require(JSONValue(jsonText: workflow)?["id"]?.intValue)
        var taskIDs: [String] = []
        for index in 0..<Self.executions {
            let (accepted, body) = try await HTTPClient.shared.postJSON(
                api.baseURL + "/workflows/\(workflowID)/execute", #"{"initial_context": {"n": \#(index)}}"#)
            #expect(accepted == 202)
            taskIDs.append(try #require(JSONValue(jsonText: body)?["task_id"]?.stringValue))
        }
        try await poll("a few executions done", seconds: 60) { try await finished(api, taskIDs).count >= 3 }
        let doneBefore = try await finished(api, taskIDs).count
        try await redis.restartEmpty()
        print("queue loss recovery: Redis restarted empty with \(Self.executions - doneBefore) of \(Self.executions) executions unfinished")

        try await poll("every execution finished", seconds: 120) { try await finished(api, taskIDs).count == Self.executions }
        for (index, taskID) in taskIDs.enumerated() {
            let task = try #require(try await task(api, taskID))
            #expect(task["status"] == "SUCCESS", "task \(index): \(task)")
            #expect(task["result"]?["final_context"]?["n"] == .int(index + 1), "task \(index) ran its node more than once")
            let executionID = try #require(task["execution_id"]?.intValue)
            let (_, chainText) = try await HTTPClient.shared.getText(api.baseURL + "/executions/\(executionID)/chain")
            let nodes = JSONValue(jsonText: chainText)?["entries"]?.arrayValue?.compactMap { $0["node_id"]?.stringValue }
            #expect(nodes == ["start", "count", "end"], "task \(index)")
        }
        let (_, executionsText) = try await HTTPClient.shared.getText(api.baseURL + "/executions?limit=100")
        #expect(JSONValue(jsonText: executionsText)?["total"] == .int(Self.executions), "one execution per task")
        try await poll("health reports the queue ok", seconds: 15) {
            let (_, health) = try await HTTPClient.shared.getText(api.baseURL + "/health")
            return JSONValue(jsonText: health)?["queue"] == "ok" && JSONValue(jsonText: health)?["status"] == "healthy"
        }
    }

    private func finished(_ api: ServiceProcess, _ taskIDs: [String]) async throws -> [String] {
        var done: [String] = []
        for id in taskIDs {
            let status = try await task(api, id)?["status"]?.stringValue ?? "PENDING"
            if !["PENDING", "STARTED", "RUNNING"].contains(status) { done.append(id) }
        }
        return done
    }

    private func task(_ api: ServiceProcess, _ id: String) async throws -> JSONValue? {
        let (status, text) = try await HTTPClient.shared.getText(api.baseURL + "/tasks/\(id)")
        #expect(status == 200)
        return JSONValue(jsonText: text)
    }
}
