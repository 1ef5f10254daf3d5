import Foundation
import Logging
import NovaCore
import ServiceLifecycle

/// The workers of `nova serve` (`WORKER_CONCURRENCY`): each leases a job from the queue, processes it to a final
/// task state and acknowledges it. On graceful shutdown they stop leasing and finish the jobs they hold.
struct ExecutionWorkers: Service {
    /// A job whose processing broke (a store error) this many times is given up.
    static let maxDeliveries = 3

    let queue: any ConsumingJobQueue
    let processor: ExecutionJobProcessor
    let count: Int
    let logger: Logger

    /// The workers over `services`' stores, with the sandbox of `services` (probed here if not yet).
    static func make(_ services: NovaServices, queue: any ConsumingJobQueue) async -> ExecutionWorkers {
        let config = services.config
        let sandbox = await services.sandbox.sandbox()
        let stores = services.stores
        let pipeline = CodePipeline.configured(
            config: config, exactCache: stores.exactCache, rag: services.rag, sandbox: sandbox,
            runtimeVersion: PythonRuntimeVersion.detect(interpreter: services.sandbox.interpreter))
        let runner = WorkflowRunner(
            sandbox: sandbox, promptExecutor: pipeline, executions: stores.executions, clock: services.clock, defaultNetwork: config.sandboxNetwork)
        let processor = ExecutionJobProcessor(
            workflows: stores.workflows, tasks: stores.tasks, executions: stores.executions,
            clientContext: ClientContextLoader(clients: stores.clients, schemas: stores.schemas, cipher: config.security.cipher), runner: runner,
            clock: services.clock)
        return ExecutionWorkers(queue: queue, processor: processor, count: config.workerConcurrency, logger: services.logger)
    }

    func run() async {
        await withDiscardingTaskGroup { group in
            for _ in 0..<count {
                group.addTask { await work() }
            }
        }
    }

    private func work() async {
        while !Task.isShuttingDownGracefully {
            guard let lease = try? await cancelWhenGracefulShutdown({ try await queue.lease() }) else { return }
            do {
                try await processor.process(lease.job)
                try await queue.acknowledge(lease)
            } catch {
                logger.error(
                    "job processing failed", metadata: ["task_id": .string(lease.job.taskID), "delivery": "\(lease.delivery)", "error": "\(error)"])
                if lease.delivery >= Self.maxDeliveries {
                    try? await queue.acknowledge(lease)
                } else {
                    try? await queue.redeliver(lease)
                }
            }
        }
    }
}
