/// The workers' side of a ``JobQueue``: a job is leased to one worker, then acknowledged when its task reached a
/// final state, or redelivered (to any worker) when processing broke before that.
package protocol ConsumingJobQueue: JobQueue {
    /// Waits for the next job and leases it; throws `CancellationError` when the waiting task is cancelled.
    func lease() async throws -> LeasedJob
    /// The leased job is done; it is never delivered again.
    func acknowledge(_ lease: LeasedJob) async throws
    /// Gives the leased job back to be delivered again.
    func redeliver(_ lease: LeasedJob) async throws
    /// Tells the queue the holder of `lease` is alive, so the job is not handed to another worker meanwhile.
    func heartbeat(_ lease: LeasedJob) async throws
}

/// A job leased to one worker.
package struct LeasedJob: Sendable, Equatable {
    /// Identifies the lease within its queue (a counter in memory, the entry id of a Redis stream).
    package var leaseID: String
    /// The job.
    package var job: ExecutionJob
    /// 1 for the first delivery, 2 after one redelivery, …
    package var delivery: Int

    /// Creates the lease.
    package init(leaseID: String, job: ExecutionJob, delivery: Int) {
        self.leaseID = leaseID
        self.job = job
        self.delivery = delivery
    }
}
