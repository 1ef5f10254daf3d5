import Foundation

/// Durable storage of client table schemas (docs/api.md §3.6). Table names are unique per client.
package protocol DatabaseSchemaStore: Sendable {
    /// The schemas of a client by id (an unknown client has none).
    func schemas(clientID: Int) async throws -> [DatabaseSchema]
    /// Schema `id` of client `clientID`, or nil (also when it belongs to another client).
    func schema(clientID: Int, id: Int) async throws -> DatabaseSchema?
    /// Stores a schema of an existing client; a taken table name throws ``StoreConflict/schemaTable(_:)``.
    func create(clientID: Int, _ draft: DatabaseSchemaDraft, at time: Date) async throws -> DatabaseSchema
    /// Applies `changes`; nil when the schema does not exist for this client; a taken table name throws
    /// ``StoreConflict/schemaTable(_:)``.
    func update(clientID: Int, id: Int, _ changes: DatabaseSchemaChanges, at time: Date) async throws -> DatabaseSchema?
    /// Deletes the schema; returns whether it existed for this client.
    func delete(clientID: Int, id: Int) async throws -> Bool
}
