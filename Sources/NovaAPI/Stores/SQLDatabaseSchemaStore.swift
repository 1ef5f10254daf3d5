import Foundation
import NovaCore
import NovaStorage

/// ``DatabaseSchemaStore`` in SQL (`client_database_schemas`, unique per client and table).
struct SQLDatabaseSchemaStore: DatabaseSchemaStore {
    let db: any SQLExecutor

    private static let columns = "id, client_id, database_credential_id, table_name, schema_definition, description, created_at, updated_at"

    func schemas(clientID: Int) async throws -> [DatabaseSchema] {
        try await db.read("SELECT \(Self.columns) FROM client_database_schemas WHERE client_id = ? ORDER BY id", [clientID]).map(Self.schema)
    }

    func schema(clientID: Int, id: Int) async throws -> DatabaseSchema? {
        try await db.read("SELECT \(Self.columns) FROM client_database_schemas WHERE client_id = ? AND id = ?", [clientID, id]).first.map(Self.schema)
    }

    func create(clientID: Int, _ draft: DatabaseSchemaDraft, at time: Date) async throws -> DatabaseSchema {
        let rows = try await SQLConstraintViolation.reportingUnique(as: .schemaTable(draft.tableName)) {
            try await db.write(
                """
                INSERT INTO client_database_schemas (client_id, database_credential_id, table_name, schema_definition, description, created_at,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING \(Self.columns)
                """, [clientID, draft.databaseCredentialID, draft.tableName, draft.schemaDefinition, draft.description, time, time])
        }
        return try Self.schema(rows[0])
    }

    func update(clientID: Int, id: Int, _ changes: DatabaseSchemaChanges, at time: Date) async throws -> DatabaseSchema? {
        let rows = try await SQLConstraintViolation.reportingUnique(as: .schemaTable(changes.tableName ?? "")) {
            try await db.write(
                """
                UPDATE client_database_schemas SET database_credential_id = COALESCE(?, database_credential_id),
                    table_name = COALESCE(?, table_name), schema_definition = COALESCE(?, schema_definition),
                    description = COALESCE(?, description), updated_at = ? WHERE client_id = ? AND id = ? RETURNING \(Self.columns)
                """,
                [changes.databaseCredentialID, changes.tableName, changes.schemaDefinition, changes.description, time, clientID, id])
        }
        return try rows.first.map(Self.schema)
    }

    func delete(clientID: Int, id: Int) async throws -> Bool {
        try await !db.write("DELETE FROM client_database_schemas WHERE client_id = ? AND id = ? RETURNING id", [clientID, id]).isEmpty
    }

    private static func schema(_ row: SQLRow) throws -> DatabaseSchema {
        DatabaseSchema(
            id: try row.int("id"), clientID: try row.int("client_id"), databaseCredentialID: try row.int("database_credential_id"),
            tableName: try row.text("table_name"), schemaDefinition: try row.json("schema_definition"), description: try row.textOrNil("description"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
