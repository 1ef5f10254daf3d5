import Foundation
import NovaCore
import Testing

@Suite("In-process job queue")
struct InProcessJobQueueTests {
    private func job(_ id: String) -> ExecutionJob {
        ExecutionJob(taskID: id, workflowID: 1, clientSlug: nil, initialContext: [:], enqueuedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("jobs are leased in arrival order and acknowledged ones are gone")
    func order() async throws {
        let queue = InProcessJobQueue()
        queue.enqueue(job("a"))
        queue.enqueue(job("b"))
        let first = try await queue.lease()
        let second = try await queue.lease()
        #expect([first.job.taskID, second.job.taskID] == ["a", "b"])
        #expect(first.delivery == 1)
        #expect(first.leaseID != second.leaseID)
        #expect(queue.counts == (0, 2))
        queue.acknowledge(first)
        queue.acknowledge(second)
        #expect(queue.counts == (0, 0))
    }

    @Test("a waiting worker gets the next job as soon as it is queued")
    func waiting() async throws {
        let queue = InProcessJobQueue()
        async let leased = queue.lease()
        try await Task.sleep(for: .milliseconds(50))
        queue.enqueue(job("late"))
        #expect(try await leased.job.taskID == "late")
    }

    @Test("a redelivered job comes back first with its delivery count raised, once")
    func redelivery() async throws {
        let queue = InProcessJobQueue()
        queue.enqueue(job("a"))
        queue.enqueue(job("b"))
        let first = try await queue.lease()
        queue.redeliver(first)
        queue.redeliver(first)
        let again = try await queue.lease()
        #expect(again.job.taskID == "a")
        #expect(again.delivery == 2)
        #expect(try await queue.lease().job.taskID == "b")
        #expect(queue.counts == (0, 2))
    }

    @Test("cancelling a waiting worker ends its wait and loses no job")
    func cancellation() async throws {
        let queue = InProcessJobQueue()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await #expect(throws: CancellationError.self) { try await queue.lease() } }
            try await Task.sleep(for: .milliseconds(50))
            group.cancelAll()
            try await group.waitForAll()
        }
        queue.enqueue(job("kept"))
        #expect(queue.counts == (1, 0))
        #expect(try await queue.lease().job.taskID == "kept")
    }
}
