import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Execution leases in the store")
struct ExecutionLeaseStoreTests {
    private func runningExecution(_ stores: NovaStores, lease: ExecutionLease?, checkpoint: String? = nil) async throws -> Int {
        let workflow = try await stores.workflows.create(
            WorkflowDraft(name: "W\(UUID())", description: nil, graphDefinition: .object([:])), at: TestTime.origin)
        let draft = ExecutionDraft(workflowID: workflow.id, status: .running, startedAt: TestTime.origin, lease: lease, checkpoint: checkpoint)
        return try await stores.executions.create(draft, at: TestTime.origin).id
    }

    private func lease(_ owner: String, until seconds: Double) -> ExecutionLease {
        ExecutionLease(owner: owner, expiresAt: TestTime.plus(seconds: seconds))
    }

    @Test("a live lease is taken over only by its owner; an expired one by exactly one claimer", arguments: StoreBackend.available)
    func claim(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let executions = stores.executions
            let id = try await runningExecution(stores, lease: lease("a", until: 30))
            #expect(try await executions.claimLease(executionID: id, lease("b", until: 40), now: TestTime.plus(seconds: 10)) == false)
            #expect(try await executions.claimLease(executionID: id, lease("a", until: 40), now: TestTime.plus(seconds: 10)))
            #expect(try await executions.renewLease(executionID: id, lease("a", until: 50)))
            #expect(try await executions.renewLease(executionID: id, lease("b", until: 50)) == false)
            let claims = try await withThrowingTaskGroup(of: Bool.self) { group in
                for owner in ["b", "c", "d"] {
                    group.addTask { try await executions.claimLease(executionID: id, self.lease(owner, until: 100), now: TestTime.plus(seconds: 60)) }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(claims.filter { $0 }.count == 1)
            _ = try await executions.transition(id: id, from: .running, to: ExecutionTransition(status: .completed))
            #expect(try await executions.claimLease(executionID: id, lease("e", until: 200), now: TestTime.plus(seconds: 150)) == false)
        }
    }

    @Test(
        "a stale owner can neither append to the chain nor end the execution; the holder's append replaces the checkpoint and reports cancellation",
        arguments: StoreBackend.available)
    func staleOwnerRefused(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let executions = stores.executions
            let id = try await runningExecution(stores, lease: lease("old", until: 1), checkpoint: "v1:first")
            #expect(try await executions.checkpoint(executionID: id) == "v1:first")
            #expect(try await executions.claimLease(executionID: id, lease("new", until: 40), now: TestTime.plus(seconds: 5)))
            let entry = ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: TestTime.origin)
            await #expect(throws: ExecutionLeaseLost.self) {
                _ = try await executions.appendChainEntry(executionID: id, entry, steps: [], checkpoint: "v1:stale", owner: "old")
            }
            #expect(try await executions.chain(executionID: id).isEmpty)
            #expect(try await executions.checkpoint(executionID: id) == "v1:first")
            #expect(try await executions.appendChainEntry(executionID: 999_999, entry, steps: [], checkpoint: nil, owner: "new") == nil)
            let step = ChainStepRecord(stepNumber: 1, stepName: "s", agentName: "a", timestamp: TestTime.origin)
            let appended = try await executions.appendChainEntry(executionID: id, entry, steps: [step], checkpoint: "v1:second", owner: "new")
            #expect(appended?.entry.steps.count == 1)
            #expect(appended?.cancellationRequested == false)
            #expect(try await executions.checkpoint(executionID: id) == "v1:second")
            _ = try await executions.requestCancellation(id: id, at: TestTime.plus(seconds: 6))
            let afterRequest = try await executions.appendChainEntry(executionID: id, entry, steps: [], checkpoint: "v1:third", owner: "new")
            #expect(afterRequest?.cancellationRequested == true)
            #expect(try await executions.chain(executionID: id).count == 2)
            #expect(try await executions.transition(id: id, from: .running, to: ExecutionTransition(status: .completed, leaseOwner: "old")) == false)
            #expect(try await executions.transition(id: id, from: .running, to: ExecutionTransition(status: .completed, leaseOwner: "new")))
        }
    }

    @Test("releasing frees one owner's leases or all of them", arguments: StoreBackend.available)
    func release(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let executions = stores.executions
            let mine = try await runningExecution(stores, lease: lease("me", until: 100))
            let theirs = try await runningExecution(stores, lease: lease("them", until: 100))
            #expect(try await executions.releaseLeases(owner: "me") == 1)
            #expect(try await executions.claimLease(executionID: mine, lease("x", until: 100), now: TestTime.origin))
            #expect(try await executions.claimLease(executionID: theirs, lease("x", until: 100), now: TestTime.origin) == false)
            #expect(try await executions.releaseLeases(owner: nil) == 2)
            #expect(try await executions.claimLease(executionID: theirs, lease("y", until: 100), now: TestTime.origin))
        }
    }

    @Test("a task's sealed job is written once and listed while unfinished", arguments: StoreBackend.available)
    func sealedJob(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            var task = TaskRecord(
                taskID: "t1", state: .pending, workflowID: 1, workflowName: "W", createdAt: TestTime.origin, updatedAt: TestTime.origin,
                sealedJob: "v1:job")
            try await stores.tasks.insert(task)
            try await stores.tasks.insert(
                TaskRecord(taskID: "t2", state: .success, workflowID: 1, workflowName: "W", createdAt: TestTime.origin, updatedAt: TestTime.origin))
            task.state = .running
            task.sealedJob = nil
            #expect(try await stores.tasks.update(task, expecting: .pending))
            let unfinished = try await stores.tasks.unfinished()
            #expect(unfinished.map(\.taskID) == ["t1"])
            #expect(unfinished.first?.sealedJob == "v1:job")
        }
    }
}
