/// `GET /health/queue`: this process's workers and the work waiting for workers.
package struct QueueStatusBody: Codable, Sendable, Equatable {
    /// `in_process` or `redis`.
    package var queue: String
    /// Workers this process runs (`WORKER_CONCURRENCY`; `nova worker` processes have their own).
    package var workers: Int
    /// Tasks queued and not yet taken by a worker (`PENDING`).
    package var queueDepth: Int
    /// Tasks a worker holds (`STARTED` or `RUNNING`).
    package var tasksInProgress: Int
    /// Executions with status `running`.
    package var runningExecutions: Int

    /// Creates the body.
    package init(queue: String, workers: Int, queueDepth: Int, tasksInProgress: Int, runningExecutions: Int) {
        self.queue = queue
        self.workers = workers
        self.queueDepth = queueDepth
        self.tasksInProgress = tasksInProgress
        self.runningExecutions = runningExecutions
    }

    enum CodingKeys: String, CodingKey {
        case queue, workers
        case queueDepth = "queue_depth"
        case tasksInProgress = "tasks_in_progress"
        case runningExecutions = "running_executions"
    }
}
