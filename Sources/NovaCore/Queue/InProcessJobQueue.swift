import Synchronization

/// The embedded queue (no `REDIS_URL`): jobs in memory, leased in arrival order to the workers of this process.
/// Jobs do not survive a restart: ``InterruptedRunRecovery`` queues them again from the tasks' sealed jobs.
package final class InProcessJobQueue: ConsumingJobQueue {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<LeasedJob, any Error>
    }

    private struct State {
        var pending: [(job: ExecutionJob, delivery: Int)] = []
        var waiters: [Waiter] = []
        var leased: [String: LeasedJob] = [:]
        var lastID = 0

        mutating func lease(_ job: ExecutionJob, delivery: Int) -> LeasedJob {
            lastID += 1
            let lease = LeasedJob(leaseID: String(lastID), job: job, delivery: delivery)
            leased[lease.leaseID] = lease
            return lease
        }

        /// Hands the job to the oldest waiter (returned with its lease, to resume outside the lock) or queues it.
        mutating func offer(_ job: ExecutionJob, delivery: Int, first: Bool) -> (Waiter, LeasedJob)? {
            guard waiters.isEmpty else {
                let waiter = waiters.removeFirst()
                return (waiter, lease(job, delivery: delivery))
            }
            if first { pending.insert((job, delivery), at: 0) } else { pending.append((job, delivery)) }
            return nil
        }
    }

    private let state = Mutex(State())

    /// Creates an empty queue.
    package init() {}

    /// Queues `job` behind the others.
    package func enqueue(_ job: ExecutionJob) {
        if let (waiter, lease) = state.withLock({ $0.offer(job, delivery: 1, first: false) }) {
            waiter.continuation.resume(returning: lease)
        }
    }

    /// Waits for the next job and leases it.
    package func lease() async throws -> LeasedJob {
        let id = state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let result: Result<LeasedJob, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    guard !state.pending.isEmpty else {
                        state.waiters.append(Waiter(id: id, continuation: continuation))
                        return nil
                    }
                    let next = state.pending.removeFirst()
                    return .success(state.lease(next.job, delivery: next.delivery))
                }
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Forgets the lease.
    package func acknowledge(_ lease: LeasedJob) {
        _ = state.withLock { $0.leased.removeValue(forKey: lease.leaseID) }
    }

    /// Puts the job back at the front of the queue.
    package func redeliver(_ lease: LeasedJob) {
        let handed = state.withLock { state -> (Waiter, LeasedJob)? in
            guard state.leased.removeValue(forKey: lease.leaseID) != nil else { return nil }
            return state.offer(lease.job, delivery: lease.delivery + 1, first: true)
        }
        if let (waiter, next) = handed { waiter.continuation.resume(returning: next) }
    }

    /// Nothing to do: no other process takes jobs from this queue.
    package func heartbeat(_ lease: LeasedJob) {}

    /// How many jobs wait and how many are leased.
    package var counts: (queued: Int, leased: Int) {
        state.withLock { ($0.pending.count, $0.leased.count) }
    }
}
