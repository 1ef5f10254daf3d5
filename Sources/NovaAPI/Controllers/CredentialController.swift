import Hummingbird
import NovaCore
import NovaJSON
import ServiceKit
import Shared

/// `/clients/{client_id}/credentials…`: email, database and API-key credentials. Values are sealed with AES-GCM
/// (`NOVA_SECRET_KEY`) before they reach the store and are never returned, logged or echoed in an error.
struct CredentialController<Context: RequestContext>: Sendable {
    let clients: any ClientStore
    let cipher: CredentialCipher?
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/clients/{client_id}/credentials") { _, context in try await list(context) }
        routes.post("/clients/{client_id}/credentials") { request, context in try await create(request, context: context) }
        routes.get("/clients/{client_id}/credentials/{credential_id}") { _, context in try await read(context) }
        routes.put("/clients/{client_id}/credentials/{credential_id}") { request, context in try await update(request, context: context) }
        routes.delete("/clients/{client_id}/credentials/{credential_id}") { _, context in try await delete(context) }
        return routes
    }

    private func list(_ context: Context) async throws -> Response {
        let clientID = try context.pathInt("client_id")
        _ = try await ClientController<Context>.require(clientID, in: clients)
        let found = try await clients.credentials(clientID: clientID)
        return try JSONResponse.make(CredentialListBody(clientId: clientID, credentials: found.map(CredentialBody.init)))
    }

    private func create(_ request: Request, context: Context) async throws -> Response {
        let clientID = try context.pathInt("client_id")
        let body = try CredentialRequestReader.create(try await request.decodeJSON(as: JSONValue.self, context: context))
        _ = try await ClientController<Context>.require(clientID, in: clients)
        let draft = CredentialDraft(kind: body.kind, name: body.name, isPrimary: body.isPrimary, values: try requireCipher().seal(body.values))
        guard let credential = try await clients.addCredential(clientID: clientID, draft, at: clock.now()) else {
            throw ServiceError(.notFound, "Client \(clientID) not found")
        }
        return try JSONResponse.make(CredentialBody(credential), status: .created)
    }

    private func read(_ context: Context) async throws -> Response {
        try JSONResponse.make(CredentialBody(try await require(context)))
    }

    private func update(_ request: Request, context: Context) async throws -> Response {
        let current = try await require(context)
        let body = try CredentialRequestReader.update(try await request.decodeJSON(as: JSONValue.self, context: context), kind: current.kind)
        var changes = CredentialChanges(name: body.name, isPrimary: body.isPrimary)
        if let values = body.values {
            let cipher = try requireCipher()
            changes.values = try cipher.seal(try CredentialRequestReader.merged(try cipher.open(current.values), values, kind: current.kind))
        }
        guard let credential = try await clients.updateCredential(clientID: current.clientID, id: current.id, changes, at: clock.now()) else {
            throw Self.notFound
        }
        return try JSONResponse.make(CredentialBody(credential))
    }

    private func delete(_ context: Context) async throws -> Response {
        let (clientID, id) = (try context.pathInt("client_id"), try context.pathInt("credential_id"))
        guard try await clients.deleteCredential(clientID: clientID, id: id) else { throw Self.notFound }
        return Response(status: .noContent)
    }

    private func require(_ context: Context) async throws -> StoredCredential {
        let (clientID, id) = (try context.pathInt("client_id"), try context.pathInt("credential_id"))
        guard let credential = try await clients.credential(clientID: clientID, id: id) else { throw Self.notFound }
        return credential
    }

    private func requireCipher() throws -> CredentialCipher {
        guard let cipher else { throw ServiceError(.badRequest, "Credentials cannot be stored: NOVA_SECRET_KEY is not set") }
        return cipher
    }

    private static var notFound: ServiceError { ServiceError(.notFound, "Credential not found") }
}
