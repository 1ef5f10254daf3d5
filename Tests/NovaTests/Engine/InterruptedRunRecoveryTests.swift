import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Interrupted run recovery")
struct InterruptedRunRecoveryTests {
    private let cipher = NovaApp.cipher

    @Test("executions that cannot be resumed (no sealed job or checkpoint) end failed with the reason, their tasks FAILURE; finished ones stay")
    func unresumable() async throws {
        let executions: any ExecutionStore = MemoryExecutionStore()
        let tasks: any TaskStore = MemoryTaskStore()
        let now = Date()
        let stuck = try await executions.create(ExecutionDraft(workflowID: 1, taskID: "t1", status: .running, startedAt: now), at: now)
        try await tasks.insert(
            TaskRecord(taskID: "t1", state: .running, workflowID: 1, workflowName: "w", executionID: stuck.id, createdAt: now, updatedAt: now))
        let start = ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: now)
        _ = try await executions.appendChainEntry(executionID: stuck.id, start, steps: [])
        let orphan = try await executions.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: now), at: now)
        let done = try await executions.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: now), at: now)
        _ = try await executions.transition(id: done.id, from: .running, to: ExecutionTransition(status: .completed, completedAt: now))
        try await tasks.insert(TaskRecord(taskID: "lost", state: .pending, workflowID: 1, workflowName: "w", createdAt: now, updatedAt: now))

        let queue = MemoryJobQueue()
        let recovery = InterruptedRunRecovery(executions: executions, tasks: tasks, cipher: cipher, clock: SystemWallClock())
        #expect(try await recovery.recover(into: queue) == .init(requeued: 0, failed: 3))
        #expect(try await recovery.recover(into: queue) == .init(requeued: 0, failed: 0))
        #expect(await queue.queued.isEmpty)
        for id in [stuck.id, orphan.id] {
            let execution = try #require(try await executions.execution(id: id))
            #expect(execution.status == .failed)
            #expect(execution.error == InterruptedRunRecovery.reason)
            #expect(execution.completedAt != nil)
        }
        #expect(try await executions.execution(id: done.id)?.status == .completed)
        let task = try #require(try await tasks.task(id: "t1"))
        #expect(task.state == .failure)
        #expect(task.error == InterruptedRunRecovery.reason)
        #expect(task.executionID == stuck.id)
        #expect(task.result?["status"] == "failed")
        #expect(task.result?["execution_trace"]?.arrayValue?.count == 1)
        #expect(try await tasks.task(id: "lost")?.state == .failure)
    }

    @Test("unfinished tasks with sealed jobs are queued again, a STARTED one back in PENDING, and the dead process's leases are freed")
    func requeue() async throws {
        let executions: any ExecutionStore = MemoryExecutionStore()
        let tasks: any TaskStore = MemoryTaskStore()
        let now = Date()
        func job(_ id: String) throws -> (ExecutionJob, String) {
            let job = ExecutionJob(taskID: id, workflowID: 1, clientSlug: nil, initialContext: ["api_key": .string("k-\(id)")], enqueuedAt: now)
            return (job, try job.sealed(with: cipher))
        }
        let checkpoint = try RunCheckpoint(context: ["api_key": "k-running"], secrets: []).sealed(with: cipher)
        let running = try await executions.create(
            ExecutionDraft(
                workflowID: 1, taskID: "running", status: .running, startedAt: now, lease: ExecutionLease(owner: "dead", expiresAt: now + 600),
                checkpoint: checkpoint), at: now)
        let rows: [(String, TaskState, Int?)] = [("pending", .pending, nil), ("started", .started, nil), ("running", .running, running.id)]
        for (id, state, executionID) in rows {
            try await tasks.insert(
                TaskRecord(
                    taskID: id, state: state, workflowID: 1, workflowName: "w", executionID: executionID, createdAt: now, updatedAt: now,
                    sealedJob: try job(id).1))
        }

        let queue = MemoryJobQueue()
        let recovery = InterruptedRunRecovery(executions: executions, tasks: tasks, cipher: cipher, clock: SystemWallClock())
        #expect(try await recovery.recover(into: queue) == .init(requeued: 3, failed: 0))
        let queued = await queue.queued
        #expect(Set(queued.map(\.taskID)) == ["pending", "started", "running"])
        #expect(queued.first { $0.taskID == "running" }?.initialContext == ["api_key": "k-running"])
        #expect(try await tasks.task(id: "started")?.state == .pending)
        #expect(try await executions.execution(id: running.id)?.status == .running)
        #expect(try await executions.claimLease(executionID: running.id, ExecutionLease(owner: "alive", expiresAt: now + 30), now: now))

        let keyless = InterruptedRunRecovery(executions: executions, tasks: tasks, cipher: nil, clock: SystemWallClock())
        #expect(try await keyless.recover(into: MemoryJobQueue()) == .init(requeued: 0, failed: 3))
        #expect(try await executions.execution(id: running.id)?.status == .failed)
    }
}
