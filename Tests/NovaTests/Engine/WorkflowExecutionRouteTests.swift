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

    @Test("a workflow runs to SUCCESS with the contract body; a failing one is FAILURE; secrets stay hidden")
    func executeAndPoll() async throws {
        try await NovaApp.run(.sqlite, ["WORKER_CONCURRENCY": "2", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue()) { client in
            let copy = G.graph(
                nodes: [
                    G.node("start", "start"), G.code("read", "context['x'] = 1; context['note'] = 'pw ' + context['api_password']"),
                    G.node("end", "end"),
                ],
                edges: [G.edge("start", "read"), G.edge("read", "end")])
            let task = try await client.executeToEnd(copy, context: .object(["api_password": .string(canary)]))
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

            let boom = G.graph(
                nodes: [G.node("start", "start"), G.code("boom", "1 / 0"), G.node("end", "end")],
                edges: [G.edge("start", "boom"), G.edge("boom", "end")])
            let failed = try await client.executeToEnd(boom)
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
            let stuck = G.graph(
                nodes: [G.node("start", "start"), spin, G.node("end", "end")], edges: [G.edge("start", "spin"), G.edge("spin", "end")])
            let id = try await client.create("/workflows", .object(["name": "spin", "graph_definition": stuck]))
            let (_, accepted) = try await client.post("/workflows/\(id)/execute", .object([:]))
            let stuckID = try #require(accepted?["task_id"]?.stringValue)
            let quick = try await client.executeToEnd(G.linear)
            #expect(quick["status"] == "SUCCESS")
            let (_, meanwhile) = try await client.call(.get, "/tasks/\(stuckID)")
            #expect(meanwhile?["status"] == "RUNNING")
            #expect(meanwhile?["message"] == "Task is executing")
            #expect(meanwhile?["meta"]?["current_node"] == "spin")
            #expect(meanwhile?["meta"]?["nodes_done"] == 1)
            #expect(meanwhile?["meta"]?["workflow_name"] == "spin")
            #expect(meanwhile?["meta"]?["execution_id"]?.intValue != nil)
            let timedOut = try await client.finishedTask(stuckID)
            #expect(timedOut["status"] == "FAILURE")
            #expect(timedOut["error"]?.stringValue?.hasPrefix("Node spin failed: Code timed out after 15 s") == true)
        }
    }

    @Test("cancelling a running execution through the API kills its node within about a second; the task is REVOKED")
    func cancelThroughAPI() async throws {
        try await NovaApp.run(.sqlite, ["WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue()) { client in
            let slow = JSONValue.object([
                "id": "slow", "type": "action", "timeout": 300,
                "code": "import subprocess, time\nsubprocess.Popen(['sleep', '3456.5'])\ntime.sleep(240)",
            ])
            let definition = G.graph(
                nodes: [G.node("start", "start"), slow, G.code("after", "context['after'] = 1"), G.node("end", "end")],
                edges: [G.edge("start", "slow"), G.edge("slow", "after"), G.edge("after", "end")])
            let id = try await client.create("/workflows", .object(["name": "slow", "graph_definition": definition]))
            let (_, accepted) = try await client.post("/workflows/\(id)/execute", .object([:]))
            let taskID = try #require(accepted?["task_id"]?.stringValue)
            var executionID: Int?
            for _ in 0..<300 where executionID == nil {
                let (_, task) = try await client.call(.get, "/tasks/\(taskID)")
                if task?["meta"]?["current_node"] == "slow", SandboxFixture.hostProcessExists(withArgument: "3456.5") {
                    executionID = task?["meta"]?["execution_id"]?.intValue
                } else {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            let execution = try #require(executionID, "the slow node never ran")
            let clock = ContinuousClock()
            let requested = clock.now
            let (status, _) = try await client.call(.post, "/executions/\(execution)/cancel")
            #expect(status == .accepted)
            while SandboxFixture.hostProcessExists(withArgument: "3456.5"), clock.now - requested < .seconds(10) {
                try await Task.sleep(for: .milliseconds(10))
            }
            // The runner polls every 250 ms and the sandbox dies within milliseconds of its task's cancellation
            // (SandboxLimitTests times the kill itself): about 0.3 s on an idle machine. The bound is generous because
            // the whole suite, 200 concurrent executions included, shares the CPU with this test.
            #expect(clock.now - requested < .seconds(10), "the node still ran \(clock.now - requested) after the request")
            let task = try await client.finishedTask(taskID)
            #expect(task["status"] == "REVOKED")
            #expect(task["message"] == "Task was cancelled")
            #expect(task["execution_id"] == .int(execution))
            #expect(task["error"] == .string(WorkflowRunnerError.cancelledMessage))
            let (_, record) = try await client.call(.get, "/executions/\(execution)")
            #expect(record?["status"] == "cancelled")
            let (_, chain) = try await client.call(.get, "/executions/\(execution)/chain")
            #expect(chain?["entries"]?.arrayValue?.map { $0["node_id"] } == ["start"])
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
            let task = try await client.finishedTask(taskID)
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
