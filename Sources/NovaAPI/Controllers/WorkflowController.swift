import Hummingbird
import NovaCore
import NovaJSON
import ServiceKit
import Shared

/// `/workflows` CRUD (docs/api.md §3.3): graphs validated on create and update (D14), names unique also on rename
/// (D36), deletion cascading to executions (D15).
struct WorkflowController<Context: RequestContext>: Sendable {
    let workflows: any WorkflowStore
    let validator: WorkflowGraphValidator
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/workflows") { request, _ in try await list(request) }
        routes.post("/workflows") { request, context in try await create(request, context: context) }
        routes.get("/workflows/{workflow_id}") { _, context in try await read(context) }
        routes.put("/workflows/{workflow_id}") { request, context in try await update(request, context: context) }
        routes.delete("/workflows/{workflow_id}") { _, context in try await delete(context) }
        return routes
    }

    private func list(_ request: Request) async throws -> Response {
        let skip = try request.queryInt("skip", default: 0)
        let limit = try request.queryInt("limit", default: 100)
        let page = try await workflows.list(skip: skip, limit: limit)
        return try JSONResponse.make(WorkflowListBody(workflows: page.items.map(WorkflowBody.init), total: page.total))
    }

    private func create(_ request: Request, context: Context) async throws -> Response {
        let draft = try WorkflowRequestReader.draft(try await request.decodeJSON(as: JSONValue.self, context: context))
        _ = try await validator.validate(draft.graphDefinition)
        let workflow = try await workflows.create(draft, at: clock.now())
        return try JSONResponse.make(WorkflowBody(workflow), status: .created)
    }

    private func read(_ context: Context) async throws -> Response {
        let id = try context.pathInt("workflow_id")
        return try JSONResponse.make(WorkflowBody(try await Self.require(id, in: workflows)))
    }

    private func update(_ request: Request, context: Context) async throws -> Response {
        let id = try context.pathInt("workflow_id")
        let changes = try WorkflowRequestReader.changes(try await request.decodeJSON(as: JSONValue.self, context: context))
        _ = try await Self.require(id, in: workflows)
        if let graph = changes.graphDefinition { _ = try await validator.validate(graph) }
        guard let workflow = try await workflows.update(id: id, changes, at: clock.now()) else { throw Self.notFound(id) }
        return try JSONResponse.make(WorkflowBody(workflow))
    }

    private func delete(_ context: Context) async throws -> Response {
        let id = try context.pathInt("workflow_id")
        guard try await workflows.delete(id: id) else { throw Self.notFound(id) }
        return try JSONResponse.make(MessageBody(message: "Workflow \(id) deleted successfully"))
    }

    /// The workflow `id`, or the contract's 404.
    static func require(_ id: Int, in workflows: any WorkflowStore) async throws -> Workflow {
        guard let workflow = try await workflows.workflow(id: id) else { throw notFound(id) }
        return workflow
    }

    static func notFound(_ id: Int) -> ServiceError {
        ServiceError(.notFound, "Workflow \(id) not found")
    }
}
