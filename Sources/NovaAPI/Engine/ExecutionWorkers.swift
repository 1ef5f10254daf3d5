import Foundation
import Logging
import NovaCore
import ServiceLifecycle

/// The workers of `nova serve` and `nova worker` (`WORKER_CONCURRENCY`): each leases a job from the queue, processes
/// it (heartbeating the queue entry meanwhile) and acknowledges it once its task is finished. A job whose run another
/// worker holds is left to the queue's redelivery. On graceful shutdown they stop leasing and finish the jobs they hold.
struct ExecutionWorkers: Service {
    /// A job whose processing broke (a store error) this many times is given up.
    static let maxDeliveries = 3

    let queue: any ConsumingJobQueue
    let processor: ExecutionJobProcessor
    let count: Int
    let logger: Logger

    /// The workers over `services`' stores, with the sandbox of `services` (probed here if not yet); `owner` names
    /// this process in leases.
    static func make(_ services: NovaServices, queue: any ConsumingJobQueue, owner: String) async -> ExecutionWorkers {
        let config = services.config
        let sandbox = await services.sandbox.sandbox()
        let stores = services.stores
        let pipeline = CodePipeline.configured(
            config: config, exactCache: stores.exactCache, stats: stores.codeSources, rag: services.rag, sandbox: sandbox,
            runtimeVersion: PythonRuntimeVersion.detect(interpreter: services.sandbox.interpreter))
        let runner = WorkflowRunner(
            sandbox: sandbox, promptExecutor: pipeline, executions: stores.executions, clock: services.clock, defaultNetwork: config.sandboxNetwork,
            cipher: config.security.cipher)
        let processor = ExecutionJobProcessor(
            workflows: stores.workflows, tasks: stores.tasks, executions: stores.executions,
            clientContext: ClientContextLoader(clients: stores.clients, schemas: stores.schemas, cipher: config.security.cipher), runner: runner,
            clock: services.clock, lease: LeaseTerms(owner: owner, duration: .seconds(config.workerLeaseSeconds)))
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
            let lease: LeasedJob
            do {
                lease = try await cancelWhenGracefulShutdown { try await queue.lease() }
            } catch is CancellationError {
                return
            } catch {
                logger.error("leasing a job failed", metadata: ["error": "\(error)"])
                guard (try? await Task.sleep(for: .seconds(1))) != nil else { return }
                continue
            }
            logger.info("processing job", metadata: ["task_id": .string(lease.job.taskID), "delivery": "\(lease.delivery)"])
            do {
                switch try await heartbeating(lease, { try await processor.process(lease.job) }) {
                case .done: try await queue.acknowledge(lease)
                case .heldElsewhere: logger.info("job left to the worker holding its run", metadata: ["task_id": .string(lease.job.taskID)])
                }
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

    /// Runs `body` while heartbeating `lease` to the queue every renewal interval of the processor's lease.
    private func heartbeating(
        _ lease: LeasedJob, _ body: @escaping @Sendable () async throws -> ExecutionJobProcessor.Outcome
    ) async throws -> ExecutionJobProcessor.Outcome {
        let beat: @Sendable () async -> Bool = {
            try? await queue.heartbeat(lease)
            return true
        }
        guard let outcome = try await withBeat(every: processor.lease.renewalInterval, beat: beat, run: body) else { throw CancellationError() }
        return outcome
    }
}
