import Hummingbird
import Logging
import NovaCore
import ServiceKit
import Shared

/// `GET /tasks/{task_id}` (docs/api.md §3.4): the task's state from the task store; unknown ids are `PENDING`; never a
/// 500 (a store failure is a 503 the client may retry).
struct TaskController<Context: RequestContext>: Sendable {
    let tasks: any TaskStore

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/tasks/{task_id}") { _, context in try await read(context) }
        return routes
    }

    private func read(_ context: Context) async throws -> Response {
        let id = context.parameters.get("task_id") ?? ""
        let record: TaskRecord?
        do {
            record = try await tasks.task(id: id)
        } catch {
            context.logger.error("task store failed", metadata: ["error.type": "\(type(of: error))"])
            throw ServiceError(.serviceUnavailable, "Task status is unavailable; retry later")
        }
        return try JSONResponse.make(record.map(TaskStatusBody.init) ?? .pending(taskID: id))
    }
}
