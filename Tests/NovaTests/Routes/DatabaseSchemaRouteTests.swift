import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import Testing

@Suite("Client database schema routes")
struct DatabaseSchemaRouteTests {
    private let key = ["NOVA_SECRET_KEY": NovaApp.secretKey]

    @Test("schemas are created, listed, read, updated and deleted as docs/api.md §3.6 describes", arguments: Backend.available)
    func lifecycle(backend: Backend) async throws {
        try await NovaApp.run(backend, key) { client in
            let clientID = try await client.create("/clients", ClientFixtures.client())
            let credential = try await client.create("/clients/\(clientID)/credentials", ClientFixtures.database())
            let base = "/clients/\(clientID)/database-schemas"
            let (status, created) = try await client.post(base, ClientFixtures.schema(credential: credential))
            #expect(status == .created)
            #expect(created?["client_id"] == .int(clientID))
            #expect(created?["database_credential_id"] == .int(credential))
            #expect(created?["table_name"] == .string("invoices"))
            let id = try #require(created?["id"]?.jsonText)
            let (duplicate, error) = try await client.post(base, ClientFixtures.schema(credential: credential))
            #expect(duplicate == .badRequest)
            #expect(error?["error"] == .string("Schema for table 'invoices' already exists"))
            let (_, list) = try await client.call(.get, base)
            #expect(list?["client_id"] == .int(clientID))
            #expect(list?["total"] == .int(1))
            let (_, updated) = try await client.put("\(base)/\(id)", .object(["description": .string("rows"), "table_name": .string("invoice")]))
            #expect(updated?["table_name"] == .string("invoice"))
            #expect(updated?["description"] == .string("rows"))
            #expect(try await client.call(.get, "\(base)/\(id)").1 == updated)
            let (deleted, _) = try await client.execute(uri: "\(base)/\(id)", method: .delete) { ($0.status, $0.body.readableBytes) }
            #expect(deleted == .noContent)
            let missing: JSONValue = .object(["error": .string("Schema not found"), "status_code": .int(404)])
            #expect(try await client.call(.get, "\(base)/\(id)") == (.notFound, missing))
            #expect(try await client.call(.delete, "\(base)/\(id)") == (.notFound, missing))
            #expect(try await client.put("\(base)/\(id)", .object(["description": .string("x")])) == (.notFound, missing))
        }
    }

    @Test("a schema of another client is not found; listing an unknown client is empty", arguments: Backend.available)
    func scoping(backend: Backend) async throws {
        try await NovaApp.run(backend, key) { client in
            let acme = try await client.create("/clients", ClientFixtures.client("acme"))
            let other = try await client.create("/clients", ClientFixtures.client("other"))
            let credential = try await client.create("/clients/\(acme)/credentials", ClientFixtures.database())
            let id = try await client.create("/clients/\(acme)/database-schemas", ClientFixtures.schema(credential: credential))
            #expect(try await client.call(.get, "/clients/\(other)/database-schemas/\(id)").0 == .notFound)
            let (status, empty) = try await client.call(.get, "/clients/999/database-schemas")
            #expect(status == .ok)
            #expect(empty == .object(["client_id": .int(999), "schemas": .array([]), "total": .int(0)]))
        }
    }

    @Test("missing fields are 422; an unknown client is 404; a credential not of the client is 400", arguments: Backend.available)
    func errors(backend: Backend) async throws {
        try await NovaApp.run(backend, key) { client in
            let acme = try await client.create("/clients", ClientFixtures.client())
            let (status, error) = try await client.post("/clients/\(acme)/database-schemas", .object(["table_name": .string("t")]))
            #expect(status == .unprocessableContent)
            let fields = error?["detail"]?.arrayValue?.compactMap { $0["loc"]?.arrayValue?.last?.stringValue }
            #expect(Set(fields ?? []) == ["database_credential_id", "schema_definition"])
            #expect(try await client.post("/clients/999/database-schemas", ClientFixtures.schema(credential: 1)).0 == .notFound)
            let mail = try await client.create("/clients/\(acme)/credentials", ClientFixtures.email())
            let (wrong, message) = try await client.post("/clients/\(acme)/database-schemas", ClientFixtures.schema(credential: mail))
            #expect(wrong == .badRequest)
            #expect(message?["error"] == .string("Database credential \(mail) not found for client \(acme)"))
        }
    }
}
