/// Jobs held in memory in arrival order: the queue tests inspect, and the embedded queue until workers consume it.
package actor MemoryJobQueue: JobQueue {
    private var jobs: [ExecutionJob] = []

    /// Creates an empty queue.
    package init() {}

    /// Queues `job`; returns once the queue holds it durably (as durable as the implementation is).
    package func enqueue(_ job: ExecutionJob) {
        jobs.append(job)
    }

    /// The queued jobs, oldest first, without removing them.
    package var queued: [ExecutionJob] { jobs }

    /// Removes and returns every queued job, oldest first.
    package func takeAll() -> [ExecutionJob] {
        defer { jobs.removeAll() }
        return jobs
    }
}
