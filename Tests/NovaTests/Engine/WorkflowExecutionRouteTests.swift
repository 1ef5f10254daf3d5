import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

/// `POST /workflows/{id}/execute` through the in-process queue and the workers of `nova serve` to `GET /tasks/{id}`.
@Suite("Workflow execution through the routes")
struct WorkflowExecutionRouteTests {
    private typealias G = GraphFixtures
    private let canary = "canary-R0ute-7777"

    /// Polls the task until it leaves PENDING, STARTED and RUNNING (at most 30 s).
    private func finished(_ client: any TestClientProtocol, _ taskID: String) async throws -> JSONValue {
        for _ in 0..<300 {
            let (_, task) = try await client.call(.get, "/tasks/\(taskID)")
            if let task, !["PENDING", "STARTED", "RUNNING"].contains(task["status"]?.stringValue ?? "") { return task }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CreationFailed(description: "task \(taskID) did not finish")
    }

    private func execute(_ client: any TestClientProtocol, _ definition: JSONValue, context: JSONValue) async throws -> JSONValue {
        let id = try await client.create("/workflows", .object(["name": .string("w\(UUID())"), "graph_definition": definition]))
        let (status, accepted) = try await client.post("/workflows/\(id)/execute", .object(["initial_context": context]))
        #expect(status == .accepted)
        return try await finished(client, try #require(accepted?["task_id"]?.stringValue))
    }

    @Test("a workflow runs to SUCCESS with the contract body; a failing one is FAILURE; secrets stay hidden")
    func executeAndPoll() async throws {
        try await NovaApp.run(.sqlite, ["WORKER_CONCURRENCY": "2", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue()) { client in
            let copy = G.graph(
                nodes: [G.node("start", "start"), G.code("read", "context['x'] = 1; context['note'] = 'pw ' + context['api_password']"), G.node("end", "end")],
                edges: [G.edge("start", "read"), G.edge("read", "end")])
            let task = try await execute(client, copy, context: .object(["api_password": .string(canary)]))
            #expect(task["status"] == "SUCCESS")
            #expect(task["message"] == "Task completed successfully")
            #expect(task["workflow_status"] == "success")
            let executionID = try #require(task["execution_id"]?.intValue)
            let result = try #require(task["result"])
            #expect(result["status"] == "success")
            #expect(result["execution_id"] == .int(executionID))
            #expect(result["nodes_executed"] == 3)
            #expect(result["final_context"]?["x"] == 1)
            #expect(result["final_context"]?["api_password"] == .string(SecretRedactor.mask))
            #expect(result["final_context"]?["note"] == .string("pw \(SecretRedactor.mask)"))
            let (_, chain) = try await client.call(.get, "/executions/\(executionID)/chain")
            #expect(chain?["total"] == 3)
            let (_, execution) = try await client.call(.get, "/executions/\(executionID)")
            #expect(execution?["status"] == "completed")
            let everything = [task.jsonText, chain?.jsonText ?? "", execution?.jsonText ?? ""].joined()
            #expect(!everything.contains(canary))

            let boom = G.graph(nodes: [G.node("start", "start"), G.code("boom", "1 / 0"), G.node("end", "end")], edges: [G.edge("start", "boom"), G.edge("boom", "end")])
            let failed = try await execute(client, boom, context: .object([:]))
            #expect(failed["status"] == "FAILURE")
            #expect(failed["message"] == "Task failed")
            #expect(failed["workflow_status"] == "failed")
            #expect(failed["error"]?.stringValue?.hasPrefix("Node boom failed: Code exited with status 1") == true)
            #expect(failed["result"]?["status"] == "failed")
            #expect(failed["result"]?["failed_at_node"] == "boom")
            #expect(failed["execution_id"]?.intValue != nil)
        }
    }

    @Test("a node stuck past its timeout fails while the other worker keeps serving")
    func timeoutKeepsServing() async throws {
        try await NovaApp.run(.sqlite, ["WORKER_CONCURRENCY": "2", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue()) { client in
            let spin = JSONValue.object(["id": "spin", "type": "action", "code": "while True: pass", "timeout": 15])
            let stuck = G.graph(nodes: [G.node("start", "start"), spin, G.node("end", "end")], edges: [G.edge("start", "spin"), G.edge("spin", "end")])
            let id = try await client.create("/workflows", .object(["name": "spin", "graph_definition": stuck]))
            let (_, accepted) = try await client.post("/workflows/\(id)/execute", .object([:]))
            let stuckID = try #require(accepted?["task_id"]?.stringValue)
            let quick = try await execute(client, G.linear, context: .object([:]))
            #expect(quick["status"] == "SUCCESS")
            let (_, meanwhile) = try await client.call(.get, "/tasks/\(stuckID)")
            #expect(meanwhile?["status"] == "RUNNING")
            #expect(meanwhile?["message"] == "Task is executing")
            #expect(meanwhile?["meta"]?["current_node"] == "spin")
            #expect(meanwhile?["meta"]?["nodes_done"] == 1)
            #expect(meanwhile?["meta"]?["workflow_name"] == "spin")
            #expect(meanwhile?["meta"]?["execution_id"]?.intValue != nil)
            let timedOut = try await finished(client, stuckID)
            #expect(timedOut["status"] == "FAILURE")
            #expect(timedOut["error"]?.stringValue?.hasPrefix("Node spin failed: Code timed out after 15 s") == true)
        }
    }

    @Test("at startup on the embedded database, a run a stopped process left resumes after its last finished node; one without a checkpoint fails")
    func recoveryAtStartup() async throws {
        let database = try await NovaApp.Database(.sqlite)
        let cipher = try CredentialCipher(secret: NovaApp.secretKey)
        let taskID = "left-running"
        try await database.seed { stores in
            var definition = try #require(G.linear.objectValue)
            definition["network"] = false
            let draft = WorkflowDraft(name: "left", description: nil, graphDefinition: .object(definition))
            let workflow = try await stores.workflows.create(draft, at: Date())
            let job = ExecutionJob(taskID: taskID, workflowID: workflow.id, clientSlug: nil, initialContext: ["seed": 2], enqueuedAt: Date())
            let checkpoint = try RunCheckpoint(context: ["seed": 2], secrets: []).sealed(with: cipher)
            let lease = ExecutionLease(owner: "dead-process", expiresAt: Date().addingTimeInterval(600))
            let execution = try await stores.executions.create(
                ExecutionDraft(workflowID: workflow.id, taskID: taskID, status: .running, startedAt: Date(), lease: lease, checkpoint: checkpoint),
                at: Date())
            let start = ChainEntryRecord(nodeID: "start", nodeType: "start", outputResult: .object(["seed": 2]), timestamp: Date())
            _ = try await stores.executions.appendChainEntry(executionID: execution.id, start, steps: [])
            try await stores.tasks.insert(
                TaskRecord(
                    taskID: taskID, state: .running, workflowID: workflow.id, workflowName: "left", executionID: execution.id, attempts: 1,
                    createdAt: Date(), updatedAt: Date(), sealedJob: try job.sealed(with: cipher)))
            _ = try await stores.executions.create(ExecutionDraft(workflowID: workflow.id, status: .running, startedAt: Date()), at: Date())
        }
        try await NovaApp.run(database, ["WORKER_CONCURRENCY": "1", "NOVA_SECRET_KEY": NovaApp.secretKey], queue: InProcessJobQueue()) { client in
            let task = try await finished(client, taskID)
            #expect(task["status"] == "SUCCESS")
            #expect(task["result"]?["final_context"]?["x"] == 1)
            #expect(task["result"]?["final_context"]?["seed"] == 2)
            let (_, chain) = try await client.call(.get, "/executions/1/chain")
            #expect(chain?["entries"]?.arrayValue?.compactMap { $0["node_id"]?.stringValue } == ["start", "read", "end"])
            let (_, unresumable) = try await client.call(.get, "/executions/2")
            #expect(unresumable?["status"] == "failed")
            #expect(unresumable?["error"] == .string(InterruptedRunRecovery.reason))
        }
    }
}
