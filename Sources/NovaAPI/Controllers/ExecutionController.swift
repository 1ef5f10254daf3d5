import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `/executions` (with `before_id` and `include_result`), `/executions/{id}`, `/executions/{id}/chain`
/// (docs/api.md §3.5) and `POST /executions/{id}/cancel`.
struct ExecutionController<Context: RequestContext>: Sendable {
    let executions: any ExecutionStore
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/executions") { request, _ in try await list(request) }
        routes.get("/executions/{execution_id}") { _, context in try await read(context) }
        routes.get("/executions/{execution_id}/chain") { _, context in try await chain(context) }
        routes.post("/executions/{execution_id}/cancel") { _, context in try await cancel(context) }
        return routes
    }

    /// The page asked for; `before_id` pages by id instead of offset (as fast on the last page as on the first)
    /// and `include_result=false` leaves every `result` null, for lists that do not show final contexts.
    private func list(_ request: Request) async throws -> Response {
        let workflowID = try request.queryInt("workflow_id", default: 0)
        let status = request.uri.queryParameters["status"].map(String.init)
        let before = try request.queryInt("before_id", default: 0)
        let filter = ExecutionFilter(workflowID: workflowID == 0 ? nil : workflowID, status: status, beforeID: before == 0 ? nil : before)
        let includeResult = try Self.flag(request, "include_result", default: true)
        let page = try await executions.list(
            filter, skip: try request.queryInt("skip", default: 0), limit: try request.queryInt("limit", default: 100))
        let bodies = page.items.map { execution in
            var body = ExecutionBody(execution)
            if !includeResult { body.result = nil }
            return body
        }
        return try JSONResponse.make(ExecutionListBody(executions: bodies, total: page.total))
    }

    /// The boolean query parameter `name` (`true` or `false`), or `fallback` when absent.
    private static func flag(_ request: Request, _ name: String, default fallback: Bool) throws -> Bool {
        switch request.uri.queryParameters[Substring(name)] {
        case nil: return fallback
        case "true": return true
        case "false": return false
        case let other?:
            throw RequestValidationError(
                ValidationIssue(
                    type: "bool_parsing", loc: [.string("query"), .string(name)], msg: "Input should be true or false", input: .string(String(other)))
            )
        }
    }

    private func read(_ context: Context) async throws -> Response {
        try JSONResponse.make(ExecutionBody(try await require(context)))
    }

    private func chain(_ context: Context) async throws -> Response {
        let execution = try await require(context)
        let entries = try await executions.chain(executionID: execution.id)
        return try JSONResponse.make(ChainBody(executionId: execution.id, entries: entries.map(ChainEntryBody.init)))
    }

    private func cancel(_ context: Context) async throws -> Response {
        let execution = try await require(context)
        guard !execution.status.isFinished else {
            throw ServiceError(.conflict, "Execution \(execution.id) already finished with status \(execution.status.rawValue)")
        }
        guard let marked = try await executions.requestCancellation(id: execution.id, at: clock.now()) else { throw Self.notFound(execution.id) }
        return try JSONResponse.make(CancelAcceptedBody(executionId: marked.id, status: marked.status.rawValue), status: .accepted)
    }

    private func require(_ context: Context) async throws -> Execution {
        let id = try context.pathInt("execution_id")
        guard let execution = try await executions.execution(id: id) else { throw Self.notFound(id) }
        return execution
    }

    private static func notFound(_ id: Int) -> ServiceError {
        ServiceError(.notFound, "Execution \(id) not found")
    }
}
