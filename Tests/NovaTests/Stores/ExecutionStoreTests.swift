import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Execution store")
struct ExecutionStoreTests {
    private func workflow(_ stores: NovaStores, _ name: String = "W") async throws -> Int {
        try await stores.workflows.create(WorkflowDraft(name: name, description: nil, graphDefinition: .object([:])), at: TestTime.origin).id
    }

    @Test("executions list newest first with filters, skip, limit and a filtered total", arguments: StoreBackend.available)
    func listing(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let first = try await workflow(stores, "one")
            let second = try await workflow(stores, "two")
            for (index, id) in [first, second, first, first].enumerated() {
                _ = try await stores.executions.create(ExecutionDraft(workflowID: id, taskID: "t\(index)"), at: TestTime.plus(seconds: Double(index)))
            }
            let all = try await stores.executions.list(ExecutionFilter(), skip: 0, limit: 100)
            #expect(all.items.map(\.taskID) == ["t3", "t2", "t1", "t0"])
            let filtered = try await stores.executions.list(ExecutionFilter(workflowID: first), skip: 1, limit: 1)
            #expect(filtered.items.map(\.taskID) == ["t2"])
            #expect(filtered.total == 3)
            #expect(try await stores.executions.list(ExecutionFilter(status: "completed"), skip: 0, limit: 10).total == 0)
            #expect(try await stores.executions.list(ExecutionFilter(status: "running"), skip: 0, limit: 10).total == 4)
        }
    }

    @Test("the execution of a task is found by its task id, the newest when there are several", arguments: StoreBackend.available)
    func byTaskID(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let id = try await workflow(stores)
            let older = try await stores.executions.create(ExecutionDraft(workflowID: id, taskID: "task-a"), at: TestTime.origin)
            let other = try await stores.executions.create(ExecutionDraft(workflowID: id, taskID: "task-b"), at: TestTime.origin)
            let newer = try await stores.executions.create(ExecutionDraft(workflowID: id, taskID: "task-a"), at: TestTime.plus(seconds: 1))
            #expect(try await stores.executions.execution(taskID: "task-a")?.id == newer.id)
            #expect(try await stores.executions.execution(taskID: "task-b")?.id == other.id)
            #expect(older.id != newer.id)
            #expect(try await stores.executions.execution(taskID: "task-c") == nil)
        }
    }

    @Test("a status transition applies only from the expected status", arguments: StoreBackend.available)
    func compareAndSet(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let execution = try await stores.executions.create(ExecutionDraft(workflowID: try await workflow(stores)), at: TestTime.origin)
            let done = ExecutionTransition(status: .completed, completedAt: TestTime.plus(seconds: 2), result: .object(["total": .double(12.5)]))
            #expect(try await stores.executions.transition(id: execution.id, from: .pending, to: done) == false)
            #expect(try await stores.executions.transition(id: execution.id, from: .running, to: done))
            #expect(
                try await stores.executions.transition(id: execution.id, from: .running, to: ExecutionTransition(status: .failed, error: "late"))
                    == false)
            let read = try #require(try await stores.executions.execution(id: execution.id))
            #expect(read.status == .completed)
            #expect(read.result == .object(["total": .double(12.5)]))
            #expect(read.error == nil)
            #expect(read.completedAt == TestTime.plus(seconds: 2))
        }
    }

    @Test("chain entries keep creation order and steps stay chronological across appends", arguments: StoreBackend.available)
    func chain(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let execution = try await stores.executions.create(ExecutionDraft(workflowID: try await workflow(stores)), at: TestTime.origin)
            let later = ChainStepRecord(
                stepNumber: 5, stepName: "e2b_execution", agentName: "E2BExecutor", attemptNumber: 1, timestamp: TestTime.origin)
            let earlier = ChainStepRecord(
                stepNumber: 3, stepName: "code_generation", agentName: "CodeGenerator", attemptNumber: 2, modelUsed: "m", tokensInput: 10,
                costUSD: 0.5,
                toolCalls: .array([.object(["function": .string("search_documentation")])]), timestamp: TestTime.plus(seconds: 1))
            let start = try #require(
                try await stores.executions.appendChainEntry(
                    executionID: execution.id, ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: TestTime.origin), steps: [])
            ).entry
            let node = ChainEntryRecord(
                nodeID: "decide", nodeType: "decision", codeExecuted: "context['decide'] = True", inputContext: .object(["a": .int(1)]),
                outputResult: .object(["decide": .bool(true)]), executionTime: 0.25, decisionResult: "true", pathTaken: "end",
                aiMetadata: .object(["k": .string("v")]), timestamp: TestTime.plus(seconds: 1))
            let entry = try #require(try await stores.executions.appendChainEntry(executionID: execution.id, node, steps: [later])).entry
            let appended = try #require(try await stores.executions.appendSteps(chainEntryID: entry.id, [earlier]))
            #expect(appended.count == 1)
            let chain = try await stores.executions.chain(executionID: execution.id)
            #expect(chain.map(\.record.nodeID) == ["start", "decide"])
            #expect(chain[0].id == start.id)
            #expect(chain[1].record == node)
            #expect(chain[1].steps.map(\.record.stepNumber) == [5, 3])
            #expect(chain[1].steps[1].record == earlier)
            #expect(chain[1].steps.allSatisfy { $0.chainOfWorkID == entry.id })
        }
    }

    @Test("chain writes for unknown executions or entries return nil", arguments: StoreBackend.available)
    func unknownParents(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let record = ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: TestTime.origin)
            let entry = try await stores.executions.appendChainEntry(executionID: 404, record, steps: [])
            #expect(entry == nil)
            let step = ChainStepRecord(stepNumber: 1, stepName: "input_analysis", agentName: "InputAnalyzer", timestamp: TestTime.origin)
            let steps = try await stores.executions.appendSteps(chainEntryID: 404, [step])
            #expect(steps == nil)
        }
    }

    @Test("cancellation is recorded once and metrics count recent executions by status", arguments: StoreBackend.available)
    func cancellationAndCounts(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let id = try await workflow(stores)
            _ = try await stores.executions.create(ExecutionDraft(workflowID: id, status: .failed), at: TestTime.plus(seconds: -7200))
            let recent = try await stores.executions.create(ExecutionDraft(workflowID: id), at: TestTime.origin)
            let marked = try #require(try await stores.executions.requestCancellation(id: recent.id, at: TestTime.plus(seconds: 1)))
            #expect(marked.cancelRequestedAt == TestTime.plus(seconds: 1))
            let again = try await stores.executions.requestCancellation(id: recent.id, at: TestTime.plus(seconds: 9))
            #expect(again?.cancelRequestedAt == TestTime.plus(seconds: 1))
            #expect(try await stores.executions.requestCancellation(id: 999, at: TestTime.origin) == nil)
            #expect(try await stores.executions.statusCounts(createdSince: TestTime.plus(seconds: -3600)) == [.running: 1])
            #expect(try await stores.executions.statusCounts(createdSince: TestTime.plus(seconds: -9000)) == [.running: 1, .failed: 1])
            #expect(try await stores.executions.activeWorkflowCount() == 1)
        }
    }
}
