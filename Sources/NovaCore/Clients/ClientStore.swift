import Foundation

/// Durable storage of clients and their credentials. Credential values reach the store only sealed.
///
/// Deleting a client deletes its credentials and database schemas.
package protocol ClientStore: Sendable {
    /// Stores a new client; a taken slug throws ``StoreConflict/clientSlug(_:)``.
    func createClient(_ draft: ClientDraft, at time: Date) async throws -> Client
    /// The client with this id, or nil.
    func client(id: Int) async throws -> Client?
    /// The client with this slug, or nil.
    func client(slug: String) async throws -> Client?
    /// Clients by id ascending, `skip` skipped, at most `limit`; total counts all.
    func listClients(skip: Int, limit: Int) async throws -> Page<Client>
    /// Applies `changes`; nil when the client does not exist; a taken slug throws ``StoreConflict/clientSlug(_:)``.
    func updateClient(id: Int, _ changes: ClientChanges, at time: Date) async throws -> Client?
    /// Deletes the client, its credentials and schemas; returns whether it existed.
    func deleteClient(id: Int) async throws -> Bool

    /// Stores a credential of an existing client (nil when the client does not exist). A primary one unmarks the
    /// client's other credentials of its kind, in the same transaction.
    func addCredential(clientID: Int, _ draft: CredentialDraft, at time: Date) async throws -> StoredCredential?
    /// The client's credentials by id.
    func credentials(clientID: Int) async throws -> [StoredCredential]
    /// The credential `id` of client `clientID`, or nil (also when it belongs to another client).
    func credential(clientID: Int, id: Int) async throws -> StoredCredential?
    /// Applies `changes`; nil when the credential does not exist for this client.
    func updateCredential(clientID: Int, id: Int, _ changes: CredentialChanges, at time: Date) async throws -> StoredCredential?
    /// Deletes the credential; returns whether it existed. One used by a database schema throws
    /// ``StoreConflict/credentialInUse(_:)``.
    func deleteCredential(clientID: Int, id: Int) async throws -> Bool
    /// How many credentials the store holds over all clients, and one of them (to check the key at startup).
    func credentialSample() async throws -> (count: Int, sample: StoredCredential?)
}
