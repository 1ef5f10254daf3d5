import Foundation
import NovaCore
import NovaJSON
import Testing

/// Jobs through the processor to final task states, with memory stores and the real sandbox.
@Suite("Execution job processor")
struct ExecutionJobProcessorTests {
    private typealias G = GraphFixtures

    private struct Fixture {
        let workflows: any WorkflowStore = MemoryWorkflowStore()
        let tasks: any TaskStore = MemoryTaskStore()
        let executions: any ExecutionStore = MemoryExecutionStore()
        let processor: ExecutionJobProcessor

        init() async {
            let runner = WorkflowRunner(sandbox: await SandboxFixture.sandbox, promptExecutor: nil, executions: executions, clock: SystemWallClock())
            let loader = ClientContextLoader(clients: MemoryClientStore(), schemas: MemoryDatabaseSchemaStore(), cipher: nil)
            processor = ExecutionJobProcessor(
                workflows: workflows, tasks: tasks, executions: executions, clientContext: loader, runner: runner, clock: SystemWallClock())
        }

        /// Stores `definition` (with `"network": false`), queues a task for it and processes the job.
        func process(_ definition: JSONValue, context: [String: JSONValue] = [:], clientSlug: String? = nil) async throws -> TaskRecord {
            var members = definition.objectValue ?? [:]
            members["network"] = false
            let workflow = try await workflows.create(
                WorkflowDraft(name: "w\(UUID())", description: nil, graphDefinition: .object(members)), at: Date())
            return try await process(workflowID: workflow.id, context: context, clientSlug: clientSlug)
        }

        func process(workflowID: Int, context: [String: JSONValue] = [:], clientSlug: String? = nil) async throws -> TaskRecord {
            let id = UUID().uuidString.lowercased()
            try await tasks.insert(
                TaskRecord(
                    taskID: id, state: .pending, workflowID: workflowID, workflowName: "w", clientSlug: clientSlug, createdAt: Date(),
                    updatedAt: Date()))
            let job = ExecutionJob(taskID: id, workflowID: workflowID, clientSlug: clientSlug, initialContext: context, enqueuedAt: Date())
            #expect(try await processor.process(job) == .done)
            #expect(try await processor.process(job) == .done)
            return try #require(try await tasks.task(id: id))
        }
    }

    @Test("a completed workflow is SUCCESS with the TaskResult; a second delivery of the job does nothing")
    func success() async throws {
        let fixture = await Fixture()
        let task = try await fixture.process(G.linear, context: ["seed": 2])
        #expect(task.state == .success)
        #expect(task.attempts == 1)
        #expect(task.error == nil)
        let executionID = try #require(task.executionID)
        #expect(task.meta?["execution_id"] == .int(executionID))
        #expect(task.meta?["client_slug"] == .null)
        let result = try #require(task.result)
        #expect(result["status"] == "success")
        #expect(result["execution_id"] == .int(executionID))
        #expect(result["nodes_executed"] == 3)
        #expect(result["error"] == .null)
        #expect(result["final_context"]?["x"] == 1)
        #expect(result["final_context"]?["seed"] == 2)
        #expect(result["execution_trace"]?.arrayValue?.map { $0["node_id"] } == ["start", "read", "end"])
        #expect(try await fixture.executions.chain(executionID: executionID).count == 3)
        #expect(try await fixture.executions.execution(id: executionID)?.status == .completed)
    }

    @Test("a failing workflow is FAILURE with the node's error, the TaskResult and the execution (D16)")
    func failure() async throws {
        let fixture = await Fixture()
        let definition = G.graph(
            nodes: [G.node("start", "start"), G.code("boom", "1 / 0"), G.node("end", "end")], edges: [G.edge("start", "boom"), G.edge("boom", "end")])
        let task = try await fixture.process(definition)
        #expect(task.state == .failure)
        #expect(task.error?.hasPrefix("Node boom failed: Code exited with status 1") == true)
        #expect(task.result?["status"] == "failed")
        #expect(task.result?["failed_at_node"] == "boom")
        #expect(task.result?["nodes_executed"] == .null)
        #expect(task.result?["error"]?.stringValue == task.error)
        let executionID = try #require(task.executionID)
        #expect(try await fixture.executions.execution(id: executionID)?.status == .failed)
    }

    @Test("deterministic problems fail the task at once without an execution")
    func deterministicFailures() async throws {
        let fixture = await Fixture()
        let missing = try await fixture.process(workflowID: 999)
        #expect(missing.state == .failure)
        #expect(missing.error == "Workflow 999 not found")
        #expect(missing.executionID == nil)
        #expect(missing.attempts == 1)
        let client = try await fixture.process(G.linear, clientSlug: "nobody")
        #expect(client.state == .failure)
        #expect(client.error == "Client 'nobody' not found or inactive")
        let invalid = try await fixture.workflows.create(
            WorkflowDraft(name: "broken", description: nil, graphDefinition: G.graph(nodes: [G.node("end", "end")], edges: [])), at: Date())
        let broken = try await fixture.process(workflowID: invalid.id)
        #expect(broken.error == "Invalid workflow graph: Workflow must have exactly one StartNode (found 0)")
        #expect(try await fixture.executions.list(ExecutionFilter(), skip: 0, limit: 10).total == 0)
    }
}
