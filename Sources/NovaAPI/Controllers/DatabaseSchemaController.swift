import Hummingbird
import NovaCore
import NovaJSON
import ServiceKit
import Shared

/// `/clients/{client_id}/database-schemas…` (docs/api.md §3.6). A schema names a database credential of its client.
struct DatabaseSchemaController<Context: RequestContext>: Sendable {
    let schemas: any DatabaseSchemaStore
    let clients: any ClientStore
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/clients/{client_id}/database-schemas") { _, context in try await list(context) }
        routes.post("/clients/{client_id}/database-schemas") { request, context in try await create(request, context: context) }
        routes.get("/clients/{client_id}/database-schemas/{schema_id}") { _, context in try await read(context) }
        routes.put("/clients/{client_id}/database-schemas/{schema_id}") { request, context in try await update(request, context: context) }
        routes.delete("/clients/{client_id}/database-schemas/{schema_id}") { _, context in try await delete(context) }
        return routes
    }

    private func list(_ context: Context) async throws -> Response {
        let clientID = try context.pathInt("client_id")
        let found = try await schemas.schemas(clientID: clientID)
        return try JSONResponse.make(DatabaseSchemaListBody(clientId: clientID, schemas: found.map(DatabaseSchemaBody.init)))
    }

    private func create(_ request: Request, context: Context) async throws -> Response {
        let clientID = try context.pathInt("client_id")
        let draft = try DatabaseSchemaRequestReader.draft(try await request.decodeJSON(as: JSONValue.self, context: context))
        _ = try await ClientController<Context>.require(clientID, in: clients)
        try await requireDatabaseCredential(draft.databaseCredentialID, clientID: clientID)
        let schema = try await schemas.create(clientID: clientID, draft, at: clock.now())
        return try JSONResponse.make(DatabaseSchemaBody(schema), status: .created)
    }

    private func read(_ context: Context) async throws -> Response {
        let (clientID, id) = (try context.pathInt("client_id"), try context.pathInt("schema_id"))
        guard let schema = try await schemas.schema(clientID: clientID, id: id) else { throw Self.notFound }
        return try JSONResponse.make(DatabaseSchemaBody(schema))
    }

    private func update(_ request: Request, context: Context) async throws -> Response {
        let (clientID, id) = (try context.pathInt("client_id"), try context.pathInt("schema_id"))
        let changes = try DatabaseSchemaRequestReader.changes(try await request.decodeJSON(as: JSONValue.self, context: context))
        guard try await schemas.schema(clientID: clientID, id: id) != nil else { throw Self.notFound }
        if let credentialID = changes.databaseCredentialID { try await requireDatabaseCredential(credentialID, clientID: clientID) }
        guard let schema = try await schemas.update(clientID: clientID, id: id, changes, at: clock.now()) else { throw Self.notFound }
        return try JSONResponse.make(DatabaseSchemaBody(schema))
    }

    private func delete(_ context: Context) async throws -> Response {
        let (clientID, id) = (try context.pathInt("client_id"), try context.pathInt("schema_id"))
        guard try await schemas.delete(clientID: clientID, id: id) else { throw Self.notFound }
        return Response(status: .noContent)
    }

    private func requireDatabaseCredential(_ id: Int, clientID: Int) async throws {
        guard try await clients.credential(clientID: clientID, id: id)?.kind == .database else {
            throw ServiceError(.badRequest, "Database credential \(id) not found for client \(clientID)")
        }
    }

    private static var notFound: ServiceError { ServiceError(.notFound, "Schema not found") }
}
