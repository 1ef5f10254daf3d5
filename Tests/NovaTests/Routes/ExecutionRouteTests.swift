import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@Suite("Execution routes")
struct ExecutionRouteTests {
    /// Two workflows with four executions (ids 1–4, workflow 1,2,1,1; the last one completed) and a chain on id 1.
    private func seeded(_ backend: Backend) async throws -> NovaApp.Database {
        let database = try await NovaApp.Database(backend)
        try await database.seed { stores in
            for name in ["one", "two"] {
                _ = try await stores.workflows.create(
                    WorkflowDraft(name: name, description: nil, graphDefinition: GraphFixtures.linear), at: TestTime.origin)
            }
            for (index, workflow) in [1, 2, 1, 1].enumerated() {
                _ = try await stores.executions.create(
                    ExecutionDraft(workflowID: workflow, taskID: "t\(index + 1)", startedAt: TestTime.origin),
                    at: TestTime.plus(seconds: Double(index)))
            }
            _ = try await stores.executions.transition(
                id: 4, from: .running,
                to: ExecutionTransition(status: .completed, completedAt: TestTime.plus(seconds: 9), result: .object(["x": .int(1)])))
            let steps = [
                ChainStepRecord(stepNumber: 5, stepName: "e2b_execution", agentName: "E2BExecutor", timestamp: TestTime.plus(seconds: 1)),
                ChainStepRecord(
                    stepNumber: 3, stepName: "code_generation", agentName: "CodeGenerator", attemptNumber: 2, timestamp: TestTime.plus(seconds: 2)),
            ]
            _ = try await stores.executions.appendChainEntry(
                executionID: 1, ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: TestTime.origin), steps: [])
            _ = try await stores.executions.appendChainEntry(
                executionID: 1,
                ChainEntryRecord(
                    nodeID: "read", nodeType: "action", codeExecuted: "context['x'] = 1", outputResult: .object(["x": .int(1)]), executionTime: 0.5,
                    timestamp: TestTime.plus(seconds: 1)), steps: steps)
        }
        return database
    }

    @Test("executions list newest first with workflow and status filters, pagination and a filtered total", arguments: Backend.available)
    func list(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, all) = try await client.call(.get, "/executions")
            #expect(status == .ok)
            #expect(all?["executions"]?.arrayValue?.map { $0["id"] } == [.int(4), .int(3), .int(2), .int(1)])
            #expect(all?["total"] == .int(4))
            let (_, filtered) = try await client.call(.get, "/executions?workflow_id=1&skip=1&limit=1")
            #expect(filtered?["executions"]?.arrayValue?.map { $0["id"] } == [.int(3)])
            #expect(filtered?["total"] == .int(3))
            #expect(try await client.call(.get, "/executions?workflow_id=0").1?["total"] == .int(4))
            #expect(try await client.call(.get, "/executions?status=completed").1?["total"] == .int(1))
            #expect(try await client.call(.get, "/executions?workflow_id=x").0 == .unprocessableContent)
        }
    }

    @Test("one execution has the contract's fields with nulls, plus task id and cancellation flag", arguments: Backend.available)
    func read(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, execution) = try await client.call(.get, "/executions/4")
            #expect(status == .ok)
            #expect(execution?["status"] == .string("completed"))
            #expect(execution?["result"] == .object(["x": .int(1)]))
            #expect(execution?["error"] == .null)
            #expect(execution?["task_id"] == .string("t4"))
            #expect(execution?["client_slug"] == .null)
            #expect(execution?["cancel_requested"] == .bool(false))
            #expect(execution?["completed_at"]?.stringValue?.count == 26)
            let (missing, error) = try await client.call(.get, "/executions/99")
            #expect(missing == .notFound)
            #expect(error == .object(["error": .string("Execution 99 not found"), "status_code": .int(404)]))
        }
    }

    @Test("the chain lists entries in execution order with their steps in creation order (D23)", arguments: Backend.available)
    func chain(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, chain) = try await client.call(.get, "/executions/1/chain")
            #expect(status == .ok)
            #expect(chain?["execution_id"] == .int(1))
            #expect(chain?["total"] == .int(2))
            let entries = try #require(chain?["entries"]?.arrayValue)
            #expect(entries.map { $0["node_id"] } == [.string("start"), .string("read")])
            #expect(entries[0]["steps"] == .array([]))
            #expect(entries[0]["decision_result"] == .null)
            #expect(entries[1]["execution_time"] == .double(0.5))
            let steps = try #require(entries[1]["steps"]?.arrayValue)
            #expect(steps.map { $0["step_number"] } == [.int(5), .int(3)])
            #expect(steps[1]["attempt_number"] == .int(2))
            #expect(steps[1]["chain_of_work_id"] == entries[1]["id"])
            #expect(steps[1]["tokens_input"] == .null)
            #expect(steps[1]["tool_calls"] == .array([]))
            #expect(try await client.call(.get, "/executions/99/chain").0 == .notFound)
            #expect(try await client.call(.get, "/executions/2/chain").1?["entries"] == .array([]))
        }
    }

    @Test("cancel marks a running execution (202) and refuses a finished one (409)", arguments: Backend.available)
    func cancel(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, answer) = try await client.call(.post, "/executions/1/cancel")
            #expect(status == .accepted)
            #expect(answer?["execution_id"] == .int(1))
            #expect(answer?["cancel_requested"] == .bool(true))
            #expect(try await client.call(.get, "/executions/1").1?["cancel_requested"] == .bool(true))
            #expect(try await client.call(.post, "/executions/1/cancel").0 == .accepted)
            let (finished, error) = try await client.call(.post, "/executions/4/cancel")
            #expect(finished == .conflict)
            #expect(error?["error"] == .string("Execution 4 already finished with status completed"))
            #expect(try await client.call(.post, "/executions/99/cancel").0 == .notFound)
        }
    }

    @Test("deleting a workflow through the API removes its executions and their chains (D15)", arguments: Backend.available)
    func cascade(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (deleted, _) = try await client.call(.delete, "/workflows/1")
            #expect(deleted == .ok)
            #expect(try await client.call(.get, "/executions/1").0 == .notFound)
            #expect(try await client.call(.get, "/executions").1?["total"] == .int(1))
        }
    }

    @Test("before_id pages by id while total counts the filter; include_result=false leaves every result null", arguments: Backend.available)
    func cursorAndLeanList(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (_, page) = try await client.call(.get, "/executions?workflow_id=1&before_id=4&limit=1")
            #expect(page?["total"] == .int(3))
            #expect(page?["executions"]?.arrayValue?.map { $0["id"] } == [.int(3)])
            let (_, older) = try await client.call(.get, "/executions?before_id=2")
            #expect(older?["executions"]?.arrayValue?.map { $0["id"] } == [.int(1)])
            let (_, full) = try await client.call(.get, "/executions?limit=1")
            #expect(full?["executions"]?.arrayValue?.first?["result"] == .object(["x": .int(1)]))
            let (_, lean) = try await client.call(.get, "/executions?limit=1&include_result=false")
            #expect(lean?["executions"]?.arrayValue?.first?["result"] == .null)
            let (status, _) = try await client.call(.get, "/executions?include_result=maybe")
            #expect(status == .unprocessableContent)
        }
    }
}
