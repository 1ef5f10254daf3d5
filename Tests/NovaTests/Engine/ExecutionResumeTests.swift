import Foundation
import NovaCore
import NovaJSON
import Testing

/// A worker stops during node 2; another takes the lease over once it expired and resumes from the journal.
@Suite("Execution resume")
struct ExecutionResumeTests {
    private typealias G = GraphFixtures
    static let canary = "canary-Resume-4242"

    /// The system clock moved by `offset` seconds: a worker whose view of time is past another's lease.
    private struct ShiftedClock: WallClock {
        let offset: TimeInterval
        func now() -> Date { Date().addingTimeInterval(offset) }
    }

    private struct Fixture {
        let workflows: any WorkflowStore = MemoryWorkflowStore()
        let tasks: any TaskStore = MemoryTaskStore()
        let executions: any ExecutionStore = MemoryExecutionStore()
        let cipher = NovaApp.cipher

        func processor(owner: String, clock: any WallClock = SystemWallClock(), lease: Duration = .seconds(30)) async -> ExecutionJobProcessor {
            let runner = WorkflowRunner(
                sandbox: await SandboxFixture.sandbox, promptExecutor: nil, executions: executions, clock: clock,
                cancellationPollInterval: .milliseconds(200),
                cipher: cipher)
            let loader = ClientContextLoader(clients: MemoryClientStore(), schemas: MemoryDatabaseSchemaStore(), cipher: nil)
            return ExecutionJobProcessor(
                workflows: workflows, tasks: tasks, executions: executions, clientContext: loader, runner: runner, clock: clock,
                lease: LeaseTerms(owner: owner, duration: lease))
        }

        /// Stores the graph (without network) and a PENDING task for it; returns the job.
        func queue() async throws -> ExecutionJob {
            var definition = try #require(ExecutionResumeTests.graph.objectValue)
            definition["network"] = false
            let workflow = try await workflows.create(
                WorkflowDraft(name: "resume \(UUID())", description: nil, graphDefinition: .object(definition)), at: Date())
            let job = ExecutionJob(
                taskID: UUID().uuidString, workflowID: workflow.id, clientSlug: nil,
                initialContext: ["api_password": .string(ExecutionResumeTests.canary)],
                enqueuedAt: Date())
            try await tasks.insert(
                TaskRecord(taskID: job.taskID, state: .pending, workflowID: workflow.id, workflowName: "resume", createdAt: Date(), updatedAt: Date())
            )
            return job
        }
    }

    /// start → one (counts its runs, adds `a`) → two (sleeps, reads the secret) → end.
    static let graph = G.graph(
        nodes: [
            G.node("start", "start"), G.code("one", "context['a'] = 1; context['one_runs'] = context.get('one_runs', 0) + 1"),
            G.code("two", "import time\ntime.sleep(1.5)\ncontext['b'] = context['a'] + 1; context['length_seen'] = len(context['api_password'])"),
            G.node("end", "end"),
        ],
        edges: [G.edge("start", "one"), G.edge("one", "two"), G.edge("two", "end")])

    @Test("the run resumes at node 2 with the checkpoint's context (secret included) and node 1 does not run again")
    func resumeAfterNodeOne() async throws {
        let fixture = Fixture()
        let job = try await fixture.queue()

        let first = await fixture.processor(owner: "first")
        let dying = Task { try await first.process(job) }
        try await waitUntil { try await fixture.tasks.task(id: job.taskID)?.meta?["current_node"] == "two" }
        dying.cancel()
        _ = await dying.result
        let executionID = try #require(try await fixture.tasks.task(id: job.taskID)?.executionID)
        #expect(try await fixture.executions.execution(id: executionID)?.status == .running)
        #expect(try await fixture.executions.chain(executionID: executionID).map(\.record.nodeID) == ["start", "one"])

        let early = await fixture.processor(owner: "second")
        #expect(try await early.process(job) == .heldElsewhere)

        let late = await fixture.processor(owner: "second", clock: ShiftedClock(offset: 60))
        #expect(try await late.process(job) == .done)
        let task = try #require(try await fixture.tasks.task(id: job.taskID))
        #expect(task.state == .success)
        #expect(task.attempts == 2)
        let chain = try await fixture.executions.chain(executionID: executionID).map(\.record)
        #expect(chain.map(\.nodeID) == ["start", "one", "two", "end"])
        let context = try #require(task.result?["final_context"])
        #expect(context["one_runs"] == 1)
        #expect(context["b"] == 2)
        #expect(context["length_seen"] == .int(Self.canary.count))
        #expect(context["api_password"] == .string(SecretRedactor.mask))
        #expect(task.result?["nodes_executed"] == 4)
        #expect(task.result?["execution_trace"]?.arrayValue?.count == 4)
        #expect(!chain.map { $0.outputResult.jsonText }.joined().contains(Self.canary))

        #expect(try await first.process(job) == .done)
    }

    @Test("a worker whose lease was taken over stops its run and records nothing more; the task is left to the new holder")
    func lostLeaseStops() async throws {
        let fixture = Fixture()
        let job = try await fixture.queue()
        let holder = await fixture.processor(owner: "holder", lease: .milliseconds(600))
        let running = Task { try await holder.process(job) }
        try await waitUntil { try await fixture.tasks.task(id: job.taskID)?.meta?["current_node"] == "two" }
        let executionID = try #require(try await fixture.tasks.task(id: job.taskID)?.executionID)
        let later = Date().addingTimeInterval(60)
        let stolen = ExecutionLease(owner: "thief", expiresAt: later.addingTimeInterval(30))
        #expect(try await fixture.executions.claimLease(executionID: executionID, stolen, now: later))
        #expect(try await running.value == .heldElsewhere)
        #expect(try await fixture.executions.chain(executionID: executionID).map(\.record.nodeID) == ["start", "one"])
        #expect(try await fixture.executions.execution(id: executionID)?.status == .running)
        #expect(try await fixture.tasks.task(id: job.taskID)?.state == .running)
    }

    @Test("a job whose execution ended but whose task was not updated (the worker died in between) settles the task")
    func settlesFinishedExecution() async throws {
        let fixture = Fixture()
        let job = try await fixture.queue()
        let now = Date()
        let execution = try await fixture.executions.create(
            ExecutionDraft(workflowID: job.workflowID, taskID: job.taskID, status: .running, startedAt: now), at: now)
        for node in ["start", "one"] {
            let entry = ChainEntryRecord(nodeID: node, nodeType: "action", timestamp: now)
            _ = try await fixture.executions.appendChainEntry(executionID: execution.id, entry, steps: [])
        }
        let result = JSONValue.object(["a": 1])
        let completed = ExecutionTransition(status: .completed, completedAt: now, result: result)
        _ = try await fixture.executions.transition(id: execution.id, from: .running, to: completed)
        var task = try #require(try await fixture.tasks.task(id: job.taskID))
        task.state = .running
        task.executionID = execution.id
        _ = try await fixture.tasks.update(task, expecting: .pending)

        #expect(try await fixture.processor(owner: "next").process(job) == .done)
        let settled = try #require(try await fixture.tasks.task(id: job.taskID))
        #expect(settled.state == .success)
        #expect(settled.result?["final_context"] == result)
        #expect(settled.result?["nodes_executed"] == 2)
        #expect(try await fixture.executions.chain(executionID: execution.id).count == 2)
    }

    @Test("an execution whose workers died maxRuns times is not resumed again: it ends failed, and so does its task")
    func abandonedAfterMaxRuns() async throws {
        let fixture = Fixture()
        let job = try await fixture.queue()
        let now = Date()
        let checkpoint = try RunCheckpoint(context: ["a": 1], secrets: []).sealed(with: fixture.cipher)
        let execution = try await fixture.executions.create(
            ExecutionDraft(
                workflowID: job.workflowID, taskID: job.taskID, status: .running, startedAt: now,
                lease: ExecutionLease(owner: "dead", expiresAt: now.addingTimeInterval(-1)), checkpoint: checkpoint),
            at: now)
        _ = try await fixture.executions.appendChainEntry(
            executionID: execution.id, ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: now), steps: [])
        var task = try #require(try await fixture.tasks.task(id: job.taskID))
        task.state = .running
        task.executionID = execution.id
        task.attempts = ExecutionJobProcessor.maxRuns
        _ = try await fixture.tasks.update(task, expecting: .pending)

        #expect(try await fixture.processor(owner: "next").process(job) == .done)
        #expect(try await fixture.executions.execution(id: execution.id)?.status == .failed)
        #expect(try await fixture.executions.chain(executionID: execution.id).map(\.record.nodeID) == ["start"])
        let ended = try #require(try await fixture.tasks.task(id: job.taskID))
        #expect(ended.state == .failure)
        #expect(ended.error == InterruptedRunRecovery.reason)
    }

    @Test("a worker that died between creating the execution and recording it on the task: its execution is adopted, not duplicated")
    func adoptsOrphanedExecution() async throws {
        let fixture = Fixture()
        let job = try await fixture.queue()
        let past = Date().addingTimeInterval(-120)
        let checkpoint = try RunCheckpoint(context: ["api_password": .string(Self.canary)], secrets: []).sealed(with: fixture.cipher)
        let orphan = try await fixture.executions.create(
            ExecutionDraft(
                workflowID: job.workflowID, taskID: job.taskID, status: .running, startedAt: past,
                lease: ExecutionLease(owner: "dead", expiresAt: past.addingTimeInterval(30)), checkpoint: checkpoint),
            at: past)
        var task = try #require(try await fixture.tasks.task(id: job.taskID))
        task.state = .started
        task.attempts = 1
        task.updatedAt = past
        _ = try await fixture.tasks.update(task, expecting: .pending)

        #expect(try await fixture.processor(owner: "next").process(job) == .done)
        let finished = try #require(try await fixture.tasks.task(id: job.taskID))
        #expect(finished.state == .success)
        #expect(finished.executionID == orphan.id)
        #expect(finished.result?["execution_id"] == .int(orphan.id))
        #expect(finished.result?["final_context"]?["length_seen"] == .int(Self.canary.count))
        #expect(try await fixture.executions.list(ExecutionFilter(workflowID: job.workflowID), skip: 0, limit: 10).total == 1)
        #expect(try await fixture.executions.chain(executionID: orphan.id).map(\.record.nodeID) == ["start", "one", "two", "end"])
    }

    @Test("a task STARTED without any execution is started again once its worker's lease length has passed")
    func restartsTaskWithoutExecution() async throws {
        let fixture = Fixture()
        let job = try await fixture.queue()
        var task = try #require(try await fixture.tasks.task(id: job.taskID))
        task.state = .started
        task.updatedAt = Date()
        _ = try await fixture.tasks.update(task, expecting: .pending)
        #expect(try await fixture.processor(owner: "next").process(job) == .heldElsewhere)

        let late = await fixture.processor(owner: "next", clock: ShiftedClock(offset: 60))
        #expect(try await late.process(job) == .done)
        let finished = try #require(try await fixture.tasks.task(id: job.taskID))
        #expect(finished.state == .success)
        #expect(try await fixture.executions.list(ExecutionFilter(workflowID: job.workflowID), skip: 0, limit: 10).total == 1)
    }

    private func waitUntil(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<200 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CreationFailed(description: "condition not met within 10 s")
    }
}
