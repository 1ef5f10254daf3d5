import Hummingbird
import NovaCore
import NovaJSON
import ServiceKit
import Shared

/// `/clients` CRUD (new: the original created clients out of band). Deleting a client deletes its credentials and
/// database schemas.
struct ClientController<Context: RequestContext>: Sendable {
    let clients: any ClientStore
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/clients") { request, _ in try await list(request) }
        routes.post("/clients") { request, context in try await create(request, context: context) }
        routes.get("/clients/{client_id}") { _, context in try await read(context) }
        routes.put("/clients/{client_id}") { request, context in try await update(request, context: context) }
        routes.delete("/clients/{client_id}") { _, context in try await delete(context) }
        return routes
    }

    private func list(_ request: Request) async throws -> Response {
        let page = try await clients.listClients(skip: try request.queryInt("skip", default: 0), limit: try request.queryInt("limit", default: 100))
        return try JSONResponse.make(ClientListBody(clients: page.items.map(ClientBody.init), total: page.total))
    }

    private func create(_ request: Request, context: Context) async throws -> Response {
        let draft = try ClientRequestReader.draft(try await request.decodeJSON(as: JSONValue.self, context: context))
        return try JSONResponse.make(ClientBody(try await clients.createClient(draft, at: clock.now())), status: .created)
    }

    private func read(_ context: Context) async throws -> Response {
        try JSONResponse.make(ClientBody(try await Self.require(try context.pathInt("client_id"), in: clients)))
    }

    private func update(_ request: Request, context: Context) async throws -> Response {
        let id = try context.pathInt("client_id")
        let changes = try ClientRequestReader.changes(try await request.decodeJSON(as: JSONValue.self, context: context))
        guard let client = try await clients.updateClient(id: id, changes, at: clock.now()) else { throw Self.notFound(id) }
        return try JSONResponse.make(ClientBody(client))
    }

    private func delete(_ context: Context) async throws -> Response {
        let id = try context.pathInt("client_id")
        guard try await clients.deleteClient(id: id) else { throw Self.notFound(id) }
        return try JSONResponse.make(MessageBody(message: "Client \(id) deleted successfully"))
    }

    /// The client `id`, or a 404 `Client <id> not found`.
    static func require(_ id: Int, in clients: any ClientStore) async throws -> Client {
        guard let client = try await clients.client(id: id) else { throw notFound(id) }
        return client
    }

    private static func notFound(_ id: Int) -> ServiceError {
        ServiceError(.notFound, "Client \(id) not found")
    }
}
