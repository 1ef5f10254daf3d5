import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Interrupted run recovery")
struct InterruptedRunRecoveryTests {
    @Test("executions left running end failed with the reason, their tasks FAILURE with the trace; finished ones stay")
    func recover() async throws {
        let executions: any ExecutionStore = MemoryExecutionStore()
        let tasks: any TaskStore = MemoryTaskStore()
        let now = Date()
        try await tasks.insert(TaskRecord(taskID: "t1", state: .running, workflowID: 1, workflowName: "w", createdAt: now, updatedAt: now))
        let stuck = try await executions.create(ExecutionDraft(workflowID: 1, taskID: "t1", status: .running, startedAt: now), at: now)
        _ = try await executions.appendChainEntry(executionID: stuck.id, ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: now), steps: [])
        let orphan = try await executions.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: now), at: now)
        let done = try await executions.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: now), at: now)
        _ = try await executions.transition(id: done.id, from: .running, to: ExecutionTransition(status: .completed, completedAt: now))

        let recovery = InterruptedRunRecovery(executions: executions, tasks: tasks, clock: SystemWallClock())
        #expect(try await recovery.recover() == 2)
        #expect(try await recovery.recover() == 0)
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
    }
}
