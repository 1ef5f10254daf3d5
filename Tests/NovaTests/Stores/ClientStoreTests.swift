import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Client and schema stores")
struct ClientStoreTests {
    private static let sealed = SealedCredentialValues(fieldNames: ["db_password", "db_host"], sealed: "v1:opaque")

    private func database(_ name: String = "main", primary: Bool = false) -> CredentialDraft {
        CredentialDraft(kind: .database, name: name, isPrimary: primary, values: Self.sealed)
    }

    @Test("client slugs are unique on create and update; lookups work by id and slug", arguments: StoreBackend.available)
    func clients(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let acme = try await stores.clients.createClient(ClientDraft(slug: "acme", name: "Acme"), at: TestTime.origin)
            let other = try await stores.clients.createClient(ClientDraft(slug: "other", name: "Other", isActive: false), at: TestTime.origin)
            await #expect(throws: StoreConflict.clientSlug("acme")) {
                try await stores.clients.createClient(ClientDraft(slug: "acme", name: "x"), at: TestTime.origin)
            }
            await #expect(throws: StoreConflict.clientSlug("acme")) {
                try await stores.clients.updateClient(id: other.id, ClientChanges(slug: "acme"), at: TestTime.origin)
            }
            #expect(try await stores.clients.client(slug: "acme") == acme)
            #expect(try await stores.clients.client(id: other.id)?.isActive == false)
            let activated = try await stores.clients.updateClient(id: other.id, ClientChanges(isActive: true), at: TestTime.plus(seconds: 1))
            #expect(activated?.isActive == true)
            #expect(activated?.slug == "other")
            #expect(try await stores.clients.listClients(skip: 1, limit: 5).items.map(\.slug) == ["other"])
            #expect(try await stores.clients.listClients(skip: 0, limit: 5).total == 2)
        }
    }

    @Test("credentials keep only sealed values; marking one primary unmarks the others of its kind", arguments: StoreBackend.available)
    func credentials(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let client = try await stores.clients.createClient(ClientDraft(slug: "acme", name: "Acme"), at: TestTime.origin)
            let first = try #require(try await stores.clients.addCredential(clientID: client.id, database("a", primary: true), at: TestTime.origin))
            #expect(first.values.fieldNames == ["db_host", "db_password"])
            let mail = try #require(
                try await stores.clients.addCredential(
                    clientID: client.id, CredentialDraft(kind: .email, name: "inbox", isPrimary: true, values: Self.sealed), at: TestTime.origin))
            let second = try #require(try await stores.clients.addCredential(clientID: client.id, database("b", primary: true), at: TestTime.origin))
            let all = try await stores.clients.credentials(clientID: client.id)
            #expect(all.map(\.id) == [first.id, mail.id, second.id])
            #expect(all.map(\.isPrimary) == [false, true, true])
            let renamed = try await stores.clients.updateCredential(
                clientID: client.id, id: first.id, CredentialChanges(name: "renamed", isPrimary: true), at: TestTime.plus(seconds: 1))
            #expect(renamed?.name == "renamed")
            #expect(try await stores.clients.credential(clientID: client.id, id: second.id)?.isPrimary == false)
            #expect(try await stores.clients.credential(clientID: client.id + 1, id: second.id) == nil)
            #expect(try await stores.clients.addCredential(clientID: 999, database(), at: TestTime.origin) == nil)
            let sample = try await stores.clients.credentialSample()
            #expect(sample.count == 3)
            #expect(sample.sample?.id == first.id)
        }
    }

    @Test("schemas are unique per client and table, scoped to their client, and block deleting their credential", arguments: StoreBackend.available)
    func schemas(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let client = try await stores.clients.createClient(ClientDraft(slug: "acme", name: "Acme"), at: TestTime.origin)
            let credential = try #require(try await stores.clients.addCredential(clientID: client.id, database(), at: TestTime.origin))
            let definition: JSONValue = .object(["columns": .array([.string("id")])])
            let draft = DatabaseSchemaDraft(
                databaseCredentialID: credential.id, tableName: "invoices", schemaDefinition: definition, description: nil)
            let invoices = try await stores.schemas.create(clientID: client.id, draft, at: TestTime.origin)
            await #expect(throws: StoreConflict.schemaTable("invoices")) {
                try await stores.schemas.create(clientID: client.id, draft, at: TestTime.origin)
            }
            var linesDraft = draft
            linesDraft.tableName = "lines"
            let lines = try await stores.schemas.create(clientID: client.id, linesDraft, at: TestTime.origin)
            await #expect(throws: StoreConflict.schemaTable("invoices")) {
                try await stores.schemas.update(clientID: client.id, id: lines.id, DatabaseSchemaChanges(tableName: "invoices"), at: TestTime.origin)
            }
            let described = try await stores.schemas.update(
                clientID: client.id, id: lines.id, DatabaseSchemaChanges(description: "rows"), at: TestTime.plus(seconds: 1))
            #expect(described?.description == "rows")
            #expect(described?.tableName == "lines")
            #expect(try await stores.schemas.schema(clientID: client.id + 1, id: invoices.id) == nil)
            #expect(try await stores.schemas.schemas(clientID: client.id).map(\.tableName) == ["invoices", "lines"])
            await #expect(throws: StoreConflict.credentialInUse(credential.id)) {
                try await stores.clients.deleteCredential(clientID: client.id, id: credential.id)
            }
            #expect(try await stores.schemas.delete(clientID: client.id, id: invoices.id))
            #expect(try await stores.schemas.delete(clientID: client.id, id: invoices.id) == false)
        }
    }

    @Test("deleting a client deletes its credentials and schemas", arguments: StoreBackend.available)
    func clientCascade(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let client = try await stores.clients.createClient(ClientDraft(slug: "acme", name: "Acme"), at: TestTime.origin)
            let credential = try #require(try await stores.clients.addCredential(clientID: client.id, database(), at: TestTime.origin))
            _ = try await stores.schemas.create(
                clientID: client.id,
                DatabaseSchemaDraft(databaseCredentialID: credential.id, tableName: "t", schemaDefinition: .object([:]), description: "d"),
                at: TestTime.origin)
            #expect(try await stores.clients.deleteClient(id: client.id))
            #expect(try await stores.clients.credentials(clientID: client.id).isEmpty)
            #expect(try await stores.schemas.schemas(clientID: client.id).isEmpty)
            #expect(try await stores.clients.credentialSample().count == 0)
            #expect(try await stores.clients.deleteClient(id: client.id) == false)
        }
    }
}
