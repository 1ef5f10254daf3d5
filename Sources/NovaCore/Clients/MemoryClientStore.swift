import Foundation

/// Clients and their sealed credentials in memory, for tests and as the reference behaviour of ``ClientStore``.
///
/// Deleting a client also deletes its schemas from the memory schema store given at creation.
package actor MemoryClientStore: ClientStore {
    private var clients: [Int: Client] = [:]
    private var stored: [Int: StoredCredential] = [:]
    private var lastClientID = 0
    private var lastCredentialID = 0
    private let schemas: MemoryDatabaseSchemaStore?

    /// Creates an empty store whose deletions cascade into `schemas`.
    package init(schemas: MemoryDatabaseSchemaStore? = nil) {
        self.schemas = schemas
    }

    /// Stores a new client; a taken slug throws ``StoreConflict/clientSlug(_:)``.
    package func createClient(_ draft: ClientDraft, at time: Date) throws -> Client {
        try requireFreeSlug(draft.slug, except: nil)
        lastClientID += 1
        let client = Client(id: lastClientID, slug: draft.slug, name: draft.name, isActive: draft.isActive, createdAt: time, updatedAt: time)
        clients[client.id] = client
        return client
    }

    /// The client with this id, or nil.
    package func client(id: Int) -> Client? {
        clients[id]
    }

    /// The client with this slug, or nil.
    package func client(slug: String) -> Client? {
        clients.values.first { $0.slug == slug }
    }

    /// Clients by id ascending, `skip` skipped, at most `limit`; total counts all.
    package func listClients(skip: Int, limit: Int) -> Page<Client> {
        clients.values.sorted { $0.id < $1.id }.page(skip: skip, limit: limit)
    }

    /// Applies `changes`; nil when the client does not exist; a taken slug throws ``StoreConflict/clientSlug(_:)``.
    package func updateClient(id: Int, _ changes: ClientChanges, at time: Date) throws -> Client? {
        guard let current = clients[id] else { return nil }
        if let slug = changes.slug { try requireFreeSlug(slug, except: id) }
        let next = changes.applied(to: current, at: time)
        clients[id] = next
        return next
    }

    /// Deletes the client, its credentials and schemas; returns whether it existed.
    package func deleteClient(id: Int) async -> Bool {
        guard clients.removeValue(forKey: id) != nil else { return false }
        stored = stored.filter { $0.value.clientID != id }
        await schemas?.deleteAll(clientID: id)
        return true
    }

    /// Stores a credential of an existing client (nil when the client does not exist). A primary one unmarks the
    /// client's other credentials of its kind, in the same transaction.
    package func addCredential(clientID: Int, _ draft: CredentialDraft, at time: Date) -> StoredCredential? {
        guard clients[clientID] != nil else { return nil }
        if draft.isPrimary { unmarkPrimary(clientID: clientID, kind: draft.kind) }
        lastCredentialID += 1
        let credential = StoredCredential(
            id: lastCredentialID, clientID: clientID, kind: draft.kind, name: draft.name, isPrimary: draft.isPrimary, values: draft.values,
            createdAt: time, updatedAt: time)
        stored[credential.id] = credential
        return credential
    }

    /// The client's credentials by id.
    package func credentials(clientID: Int) -> [StoredCredential] {
        stored.values.filter { $0.clientID == clientID }.sorted { $0.id < $1.id }
    }

    /// The credential `id` of client `clientID`, or nil (also when it belongs to another client).
    package func credential(clientID: Int, id: Int) -> StoredCredential? {
        stored[id].flatMap { $0.clientID == clientID ? $0 : nil }
    }

    /// Applies `changes`; nil when the credential does not exist for this client.
    package func updateCredential(clientID: Int, id: Int, _ changes: CredentialChanges, at time: Date) -> StoredCredential? {
        guard let current = credential(clientID: clientID, id: id) else { return nil }
        if changes.isPrimary == true { unmarkPrimary(clientID: clientID, kind: current.kind) }
        let next = changes.applied(to: current, at: time)
        stored[id] = next
        return next
    }

    /// Deletes the credential; returns whether it existed. One used by a database schema throws
    /// ``StoreConflict/credentialInUse(_:)``.
    package func deleteCredential(clientID: Int, id: Int) async throws -> Bool {
        guard credential(clientID: clientID, id: id) != nil else { return false }
        if await schemas?.refers(toCredential: id) == true { throw StoreConflict.credentialInUse(id) }
        stored[id] = nil
        return true
    }

    /// How many credentials the store holds over all clients, and one of them (to check the key at startup).
    package func credentialSample() -> (count: Int, sample: StoredCredential?) {
        (stored.count, stored.values.min { $0.id < $1.id })
    }

    private func requireFreeSlug(_ slug: String, except id: Int?) throws {
        if clients.values.contains(where: { $0.slug == slug && $0.id != id }) { throw StoreConflict.clientSlug(slug) }
    }

    private func unmarkPrimary(clientID: Int, kind: CredentialKind) {
        for (id, credential) in stored where credential.clientID == clientID && credential.kind == kind {
            stored[id]?.isPrimary = false
        }
    }
}
