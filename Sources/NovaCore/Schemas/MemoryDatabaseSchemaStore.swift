import Foundation

/// Client table schemas in memory, for tests and as the reference behaviour of ``DatabaseSchemaStore``.
package actor MemoryDatabaseSchemaStore: DatabaseSchemaStore {
    private var rows: [Int: DatabaseSchema] = [:]
    private var lastID = 0

    /// Creates an empty store.
    package init() {}

    /// The schemas of a client by id (an unknown client has none).
    package func schemas(clientID: Int) -> [DatabaseSchema] {
        rows.values.filter { $0.clientID == clientID }.sorted { $0.id < $1.id }
    }

    /// Schema `id` of client `clientID`, or nil (also when it belongs to another client).
    package func schema(clientID: Int, id: Int) -> DatabaseSchema? {
        rows[id].flatMap { $0.clientID == clientID ? $0 : nil }
    }

    /// Stores a schema of an existing client; a taken table name throws ``StoreConflict/schemaTable(_:)``.
    package func create(clientID: Int, _ draft: DatabaseSchemaDraft, at time: Date) throws -> DatabaseSchema {
        try requireFreeTable(draft.tableName, clientID: clientID, except: nil)
        lastID += 1
        let schema = DatabaseSchema(
            id: lastID, clientID: clientID, databaseCredentialID: draft.databaseCredentialID, tableName: draft.tableName,
            schemaDefinition: draft.schemaDefinition, description: draft.description, createdAt: time, updatedAt: time)
        rows[lastID] = schema
        return schema
    }

    /// Applies `changes`; nil when the schema does not exist for this client; a taken table name throws
    /// ``StoreConflict/schemaTable(_:)``.
    package func update(clientID: Int, id: Int, _ changes: DatabaseSchemaChanges, at time: Date) throws -> DatabaseSchema? {
        guard let current = schema(clientID: clientID, id: id) else { return nil }
        if let table = changes.tableName { try requireFreeTable(table, clientID: clientID, except: id) }
        let next = changes.applied(to: current, at: time)
        rows[id] = next
        return next
    }

    /// Deletes the schema; returns whether it existed for this client.
    package func delete(clientID: Int, id: Int) -> Bool {
        guard schema(clientID: clientID, id: id) != nil else { return false }
        rows[id] = nil
        return true
    }

    /// Deletes a client's schemas (the cascade of a client deletion).
    package func deleteAll(clientID: Int) {
        rows = rows.filter { $0.value.clientID != clientID }
    }

    /// Whether a schema refers to credential `id`.
    package func refers(toCredential id: Int) -> Bool {
        rows.values.contains { $0.databaseCredentialID == id }
    }

    private func requireFreeTable(_ table: String, clientID: Int, except id: Int?) throws {
        if rows.values.contains(where: { $0.clientID == clientID && $0.tableName == table && $0.id != id }) {
            throw StoreConflict.schemaTable(table)
        }
    }
}
