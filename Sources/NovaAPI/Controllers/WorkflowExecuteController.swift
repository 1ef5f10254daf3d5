import Foundation
import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `POST /workflows/{workflow_id}/execute` (docs/api.md §3.4): checks the workflow, the client and the graph, records a
/// `PENDING` task (with the job sealed by `NOVA_SECRET_KEY`, when set, for recovery) and queues the job for the workers.
/// With `MAX_QUEUED_EXECUTIONS` tasks already waiting it refuses with 503 and `Retry-After` instead.
struct WorkflowExecuteController<Context: RequestContext>: Sendable {
    /// Seconds a refused caller is told to wait before submitting again.
    static var backlogRetryAfterSeconds: Int { 10 }

    let stores: NovaStores
    let validator: WorkflowGraphValidator
    let queue: any JobQueue
    let cipher: CredentialCipher?
    let clock: any WallClock
    /// `MAX_QUEUED_EXECUTIONS`; `0` means no bound.
    let maxQueued: Int

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post("/workflows/{workflow_id}/execute") { request, context in try await execute(request, context: context) }
        return routes
    }

    private func execute(_ request: Request, context: Context) async throws -> Response {
        let id = try context.pathInt("workflow_id")
        let body = try await ExecuteRequestReader.read(request, context: context)
        let workflow = try await WorkflowController<Context>.require(id, in: stores.workflows)
        if let slug = body.clientSlug {
            guard let client = try await stores.clients.client(slug: slug), client.isActive else { throw ClientContextError.clientNotFound(slug) }
        }
        _ = try await validator.validate(workflow.graphDefinition)
        try await checkBacklog()
        let now = clock.now()
        let job = ExecutionJob(
            taskID: UUID().uuidString.lowercased(), workflowID: workflow.id, clientSlug: body.clientSlug, initialContext: body.initialContext,
            enqueuedAt: now)
        var task = TaskRecord(
            taskID: job.taskID, state: .pending, workflowID: workflow.id, workflowName: workflow.name, clientSlug: body.clientSlug, createdAt: now,
            updatedAt: now, sealedJob: try cipher.map { try job.sealed(with: $0) })
        try await stores.tasks.insert(task)
        do {
            try await queue.enqueue(job)
        } catch {
            context.logger.error("enqueue failed", metadata: ["error.type": "\(type(of: error))", "task_id": .string(task.taskID)])
            task.state = .failure
            task.error = "The execution could not be queued"
            task.updatedAt = clock.now()
            _ = try? await stores.tasks.update(task, expecting: .pending)
            throw ServiceError(.serviceUnavailable, "The execution could not be queued; retry later")
        }
        return try JSONResponse.make(
            ExecuteAcceptedBody(taskId: task.taskID, workflowId: workflow.id, workflowName: workflow.name), status: .accepted)
    }

    /// Refuses a new execution while `maxQueued` tasks wait for a worker. Concurrent requests may each pass the check,
    /// so the backlog can overshoot the bound by the number of requests in flight, never more.
    private func checkBacklog() async throws {
        guard maxQueued > 0, try await stores.tasks.countPending(upTo: maxQueued) >= maxQueued else { return }
        throw ServiceError(
            .serviceUnavailable,
            "Too many executions queued: \(maxQueued) are waiting for a worker (MAX_QUEUED_EXECUTIONS); retry later or add workers",
            headers: [.retryAfter: String(Self.backlogRetryAfterSeconds)])
    }
}
