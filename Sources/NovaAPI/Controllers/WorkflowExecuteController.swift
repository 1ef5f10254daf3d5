import Foundation
import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `POST /workflows/{workflow_id}/execute` (docs/api.md §3.4): checks the workflow, the client and the graph, records a
/// `PENDING` task (with the job sealed by `NOVA_SECRET_KEY`, when set, for recovery) and queues the job for the workers.
struct WorkflowExecuteController<Context: RequestContext>: Sendable {
    let stores: NovaStores
    let validator: WorkflowGraphValidator
    let queue: any JobQueue
    let cipher: CredentialCipher?
    let clock: any WallClock

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
}
