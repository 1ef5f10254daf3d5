import Foundation
import NovaCore
import NovaJSON
import Testing

@testable import NovaAPI

/// The Redis Streams queue against the real Redis of `REDIS_URL`, each test on a stream of its own.
@Suite("Redis job queue", .enabled(if: ProcessInfo.processInfo.environment["REDIS_URL"] != nil))
struct RedisJobQueueTests {
    private static let canary = "canary-Stream-5151"
    private let stream = "test:jobs:\(UUID().uuidString.lowercased())"
    private let cipher = NovaApp.cipher

    private var url: RedisURL {
        get throws { try RedisURL(try #require(ProcessInfo.processInfo.environment["REDIS_URL"])) }
    }

    private func queue(_ consumer: String, abandonedAfter: Duration = .seconds(30)) async throws -> RedisJobQueue {
        try await RedisJobQueue.open(
            url: try url, stream: stream, consumer: consumer, abandonedAfter: abandonedAfter, cipher: cipher, readers: 2,
            logger: TestEnvironment.logger)
    }

    private func job(_ id: String) -> ExecutionJob {
        ExecutionJob(
            taskID: id, workflowID: 7, clientSlug: "acme", initialContext: ["api_password": .string(Self.canary), "n": 1],
            enqueuedAt: Date(timeIntervalSince1970: 1_764_000_000.5))
    }

    private func raw(_ arguments: [String]) async throws -> RedisReply {
        try await RedisConnection(url: try url).command(arguments)
    }

    private func removeStream() async {
        _ = try? await raw(["DEL", stream])
    }

    @Test("jobs are leased in order with their full content, the stream holds no secret in the clear, and acknowledged entries are gone")
    func leaseAndAcknowledge() async throws {
        let producer = try await queue("producer")
        try await producer.enqueue(job("a"))
        try await producer.enqueue(job("b"))
        let entries = try await raw(["XRANGE", stream, "-", "+"])
        let text = "\(entries)"
        #expect(text.contains("\"a\""))
        #expect(!text.contains(Self.canary))
        #expect(!text.contains("api_password"))

        let consumer = try await queue("consumer")
        let first = try await consumer.lease()
        let second = try await consumer.lease()
        #expect([first.job.taskID, second.job.taskID] == ["a", "b"])
        #expect(first.job == job("a"))
        #expect(first.delivery == 1)
        try await consumer.acknowledge(first)
        try await consumer.redeliver(second)
        let again = try await consumer.lease()
        #expect(again.job.taskID == "b")
        #expect(again.delivery == 2)
        try await consumer.acknowledge(again)
        #expect(try await raw(["XLEN", stream]) == .integer(0))
        await removeStream()
    }

    @Test("an entry whose consumer died is taken over once idle past the limit; a heartbeat keeps it with its holder")
    func redeliveryAfterDeadConsumer() async throws {
        let holder = try await queue("holder", abandonedAfter: .seconds(3))
        try await holder.enqueue(job("held"))
        let leased = try await holder.lease()
        let rescuer = try await queue("rescuer", abandonedAfter: .seconds(3))
        try await Task.sleep(for: .milliseconds(3200))
        try await holder.heartbeat(leased)
        #expect(try await rescuer.claimAbandoned() == nil)
        let pending = try await raw(["XPENDING", stream, RedisJobQueue.group, "-", "+", "10"])
        #expect("\(pending)".contains("holder"))

        try await Task.sleep(for: .milliseconds(3200))
        let rescued = try #require(try await rescuer.claimAbandoned())
        #expect(rescued.job.taskID == "held")
        #expect(rescued.leaseID == leased.leaseID)
        #expect(rescued.delivery == 2)
        try await rescuer.acknowledge(rescued)
        #expect(try await raw(["XLEN", stream]) == .integer(0))
        await removeStream()
    }

    @Test("a stream Redis lost (restart without persistence, flush, eviction) is recreated on the next lease; the loss is marked once")
    func lostStreamRecreated() async throws {
        let worker = try await queue("worker")
        try await worker.enqueue(job("before"))
        await removeStream()
        let probe = try RedisConnection(url: try url)
        #expect(await worker.leaseProblem(probingWith: probe) != nil)
        try await worker.enqueue(job("after"))
        let leased = try await worker.lease()
        #expect(leased.job.taskID == "after")
        #expect(worker.takeGroupLoss())
        #expect(!worker.takeGroupLoss())
        #expect(await worker.leaseProblem(probingWith: probe) == nil)
        try await worker.heartbeat(leased)
        await removeStream()
        try await worker.heartbeat(leased)
        try await worker.acknowledge(leased)
        #expect(try await raw(["XLEN", stream]) == .integer(0))
        await removeStream()
    }

    @Test("the reconciler queues again every settled unfinished task the stream lacks, once, and one process reconciles at a time")
    func reconcilerRequeuesLostTasks() async throws {
        let producer = try await queue("api")
        let tasks = MemoryTaskStore()
        let old = Date().addingTimeInterval(-3600)
        for (id, state) in [("queued", TaskState.pending), ("lost", .pending), ("running", .running), ("done", .success)] {
            try await tasks.insert(
                TaskRecord(
                    taskID: id, state: state, workflowID: 7, workflowName: "w", createdAt: old, updatedAt: old,
                    sealedJob: try job(id).sealed(with: cipher)))
        }
        try await tasks.insert(
            TaskRecord(
                taskID: "young", state: .pending, workflowID: 7, workflowName: "w", createdAt: Date(), updatedAt: Date(),
                sealedJob: try job("young").sealed(with: cipher)))
        try await producer.enqueue(job("queued"))
        let reconciler = QueueReconciler(
            queue: producer, tasks: tasks, clock: SystemWallClock(), owner: "api", logger: TestEnvironment.logger, period: .seconds(600))
        #expect(await reconciler.reconcile() == 2)
        #expect(try await producer.queuedTaskIDs() == ["queued", "lost", "running"])
        let other = QueueReconciler(
            queue: try await queue("worker"), tasks: tasks, clock: SystemWallClock(), owner: "worker", logger: TestEnvironment.logger,
            period: .seconds(600))
        await removeStream()
        #expect(await other.reconcile() == 0)
        #expect(await other.reconcile(urgent: true) == 3)
        #expect(await reconciler.reconcile(urgent: true) == 0)
        _ = try? await raw(["DEL", stream + ":reconcile"])
        await removeStream()
    }
}
