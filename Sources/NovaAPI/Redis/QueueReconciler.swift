import Foundation
import Logging
import NovaCore
import ServiceLifecycle

/// Keeps the Redis queue in step with the database: every task that is `PENDING`, `STARTED` or `RUNNING` has an entry
/// in the stream. Redis can lose the stream (a restart without persistence, `FLUSHALL`, eviction) while the task rows
/// keep each job sealed, so the reconciler queues those jobs again — at start-up (called once the database is
/// migrated), every ``period``, and at once when this process's queue found its consumer group gone.
///
/// One process reconciles at a time across the deployment (``RedisJobQueue/takeReconcileTurn(owner:period:)``). A
/// task queued twice never runs twice: a worker starts a task only by moving it from `PENDING` to `STARTED`, and a
/// running execution is resumed only by the holder of its lease (``ExecutionJobProcessor``); the extra entry is
/// acknowledged once the task is finished.
struct QueueReconciler: Service {
    let queue: RedisJobQueue
    let tasks: any TaskStore
    let clock: any WallClock
    let owner: String
    let logger: Logger
    /// How often a full reconciliation runs; a task younger than this is left alone (its entry may be on its way).
    let period: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var last = ContinuousClock.now
            while !Task.isCancelled {
                let lost = queue.takeGroupLoss()
                if lost || ContinuousClock.now - last >= period {
                    await reconcile(urgent: lost)
                    last = .now
                }
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Queues the job of every unfinished task older than ``period`` that has no entry in the stream; returns how many.
    /// Skipped while another process holds the turn, unless `urgent` (the stream was found lost here).
    @discardableResult
    func reconcile(urgent: Bool = false) async -> Int {
        do {
            if try await queue.ensureGroup() {
                logger.warning("the job stream's consumer group was missing and is recreated", metadata: ["stream": .string(queue.stream)])
            }
            guard try await queue.takeReconcileTurn(owner: owner, period: period) || urgent else { return 0 }
            let queued = try await queue.queuedTaskIDs()
            let settled = clock.now().addingTimeInterval(-period.seconds)
            var requeued = 0
            for task in try await tasks.unfinished() where !queued.contains(task.taskID) && task.createdAt < settled {
                guard let sealed = task.sealedJob, let job = try? ExecutionJob(sealed: sealed, cipher: queue.cipher) else {
                    logger.error(
                        "an unfinished task has no job this key can open; it cannot be queued again", metadata: ["task_id": .string(task.taskID)])
                    continue
                }
                try await queue.enqueue(job)
                requeued += 1
            }
            if requeued > 0 {
                logger.warning("queued again the unfinished tasks the job stream had lost", metadata: ["count": "\(requeued)"])
            }
            return requeued
        } catch {
            logger.warning("queue reconciliation failed; retried next round", metadata: ["error": "\(error)"])
            return 0
        }
    }
}

extension QueueReconciler {
    /// The reconciler of `services`' task store for `queue`, as `QUEUE_RECONCILE_SECONDS` configures it.
    init(services: NovaServices, queue: RedisJobQueue, owner: String) {
        self.queue = queue
        tasks = services.stores.tasks
        clock = services.clock
        self.owner = owner
        logger = services.logger
        period = .milliseconds(Int(services.config.queueReconcileSeconds * 1000))
    }
}
