import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import Testing

@Suite("Client and credential routes")
struct ClientRouteTests {
    private let key = ["NOVA_SECRET_KEY": NovaApp.secretKey]

    @Test("clients are created, listed, read, renamed, deactivated and deleted", arguments: Backend.available)
    func clients(backend: Backend) async throws {
        try await NovaApp.run(backend, key) { client in
            let (status, created) = try await client.post("/clients", ClientFixtures.client())
            #expect(status == .created)
            #expect(created?["slug"] == .string("acme"))
            #expect(created?["is_active"] == .bool(true))
            let id = try #require(created?["id"])
            let (duplicate, error) = try await client.post("/clients", ClientFixtures.client())
            #expect(duplicate == .badRequest)
            #expect(error?["error"] == .string("Client 'acme' already exists"))
            let (_, updated) = try await client.put("/clients/\(id.jsonText)", .object(["is_active": .bool(false), "name": .string("Acme")]))
            #expect(updated?["is_active"] == .bool(false))
            #expect(updated?["name"] == .string("Acme"))
            let (_, list) = try await client.call(.get, "/clients?limit=10")
            #expect(list?["total"] == .int(1))
            let (deleted, message) = try await client.call(.delete, "/clients/\(id.jsonText)")
            #expect(deleted == .ok)
            #expect(message == .object(["message": .string("Client \(id.jsonText) deleted successfully")]))
            #expect(try await client.call(.get, "/clients/\(id.jsonText)").1?["error"] == .string("Client \(id.jsonText) not found"))
            #expect(try await client.post("/clients", .object(["slug": .string("a b"), "name": .string("x")])).0 == .unprocessableContent)
        }
    }

    @Test("credentials answer names and has_<field> flags only, and updates keep unchanged values", arguments: Backend.available)
    func credentials(backend: Backend) async throws {
        try await NovaApp.run(backend, key) { client in
            let clientID = try await client.create("/clients", ClientFixtures.client())
            let (status, created) = try await client.post("/clients/\(clientID)/credentials", ClientFixtures.email())
            #expect(status == .created)
            #expect(created?["kind"] == .string("email"))
            #expect(created?["has_email_password"] == .bool(true))
            #expect(created?["has_sender_whitelist"] == .bool(true))
            #expect(created?["has_imap_port"] == nil)
            #expect(created?["values"] == nil)
            let id = try #require(created?["id"]?.jsonText)
            let (_, renamed) = try await client.put(
                "/clients/\(clientID)/credentials/\(id)", .object(["name": .string("new"), "values": .object(["imap_port": .int(143)])]))
            #expect(renamed?["name"] == .string("new"))
            #expect(renamed?["has_imap_port"] == .bool(true))
            #expect(renamed?["has_email_password"] == .bool(true))
            let (_, list) = try await client.call(.get, "/clients/\(clientID)/credentials")
            #expect(list?["total"] == .int(1))
            #expect(list?["credentials"]?.arrayValue?.first == renamed)
            let (removed, _) = try await client.put(
                "/clients/\(clientID)/credentials/\(id)", .object(["values": .object(["email_password": .null])]))
            #expect(removed == .unprocessableContent)
            #expect(try await client.call(.delete, "/clients/\(clientID)/credentials/\(id)").0 == .noContent)
            #expect(try await client.call(.get, "/clients/\(clientID)/credentials/\(id)").1?["error"] == .string("Credential not found"))
        }
    }

    @Test("credential bodies are checked per kind: unknown fields, missing fields and wrong types are 422", arguments: Backend.available)
    func credentialValidation(backend: Backend) async throws {
        try await NovaApp.run(backend, key) { client in
            let clientID = try await client.create("/clients", ClientFixtures.client())
            let bad: JSONValue = .object([
                "kind": .string("database"), "name": .string("x"),
                "values": .object(["db_host": .int(1), "db_port": .int(70000), "extra": .string("y"), "db_name": .string("n")]),
            ])
            let (status, error) = try await client.post("/clients/\(clientID)/credentials", bad)
            #expect(status == .unprocessableContent)
            let locations = Set(error?["detail"]?.arrayValue?.compactMap { $0["loc"]?.arrayValue?.last?.stringValue } ?? [])
            #expect(locations == ["db_host", "db_port", "extra", "db_user", "db_password"])
            let (kind, _) = try await client.post(
                "/clients/\(clientID)/credentials", .object(["kind": .string("ftp"), "name": .string("x"), "values": .object([:])]))
            #expect(kind == .unprocessableContent)
            #expect(try await client.post("/clients/999/credentials", ClientFixtures.apiKey("k")).0 == .notFound)
        }
    }

    @Test("without NOVA_SECRET_KEY a credential cannot be stored", arguments: Backend.available)
    func noKey(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            let clientID = try await client.create("/clients", ClientFixtures.client())
            let (status, error) = try await client.post("/clients/\(clientID)/credentials", ClientFixtures.apiKey("k"))
            #expect(status == .badRequest)
            #expect(error?["error"] == .string("Credentials cannot be stored: NOVA_SECRET_KEY is not set"))
        }
    }
}
