import Foundation
import NovaJSON

/// The description of one table of a client's database, injected into executions as `database_schemas`
/// (docs/api.md §3.6).
package struct DatabaseSchema: Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The client it belongs to.
    package var clientID: Int
    /// The database credential of the client whose database holds the table.
    package var databaseCredentialID: Int
    /// Unique per client.
    package var tableName: String
    /// Columns, types, nullability, keys: any object.
    package var schemaDefinition: JSONValue
    /// Free text, or nil.
    package var description: String?
    /// When it was created.
    package var createdAt: Date
    /// When it last changed.
    package var updatedAt: Date

    /// Creates the value.
    package init(
        id: Int, clientID: Int, databaseCredentialID: Int, tableName: String, schemaDefinition: JSONValue, description: String?, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.clientID = clientID
        self.databaseCredentialID = databaseCredentialID
        self.tableName = tableName
        self.schemaDefinition = schemaDefinition
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The fields of a schema to create.
package struct DatabaseSchemaDraft: Sendable, Equatable {
    /// The database credential.
    package var databaseCredentialID: Int
    /// The table.
    package var tableName: String
    /// The description object.
    package var schemaDefinition: JSONValue
    /// Free text.
    package var description: String?

    /// Creates the draft.
    package init(databaseCredentialID: Int, tableName: String, schemaDefinition: JSONValue, description: String?) {
        self.databaseCredentialID = databaseCredentialID
        self.tableName = tableName
        self.schemaDefinition = schemaDefinition
        self.description = description
    }
}

/// A partial update of a schema: nil members stay unchanged.
package struct DatabaseSchemaChanges: Sendable, Equatable {
    /// New credential.
    package var databaseCredentialID: Int?
    /// New table name.
    package var tableName: String?
    /// New description object.
    package var schemaDefinition: JSONValue?
    /// New free text.
    package var description: String?

    /// Creates the changes.
    package init(databaseCredentialID: Int? = nil, tableName: String? = nil, schemaDefinition: JSONValue? = nil, description: String? = nil) {
        self.databaseCredentialID = databaseCredentialID
        self.tableName = tableName
        self.schemaDefinition = schemaDefinition
        self.description = description
    }

    /// `schema` with the changes applied at `time`.
    package func applied(to schema: DatabaseSchema, at time: Date) -> DatabaseSchema {
        var next = schema
        if let databaseCredentialID { next.databaseCredentialID = databaseCredentialID }
        if let tableName { next.tableName = tableName }
        if let schemaDefinition { next.schemaDefinition = schemaDefinition }
        if let description { next.description = description }
        next.updatedAt = time
        return next
    }
}
