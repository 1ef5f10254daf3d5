import NovaJSON

/// A client table schema on the wire (docs/api.md §3.6).
package struct DatabaseSchemaBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The client.
    package var clientId: Int
    /// The client's database credential.
    package var databaseCredentialId: Int
    /// The table.
    package var tableName: String
    /// The description object.
    package var schemaDefinition: JSONValue
    /// Free text, or null.
    @NullEncoded package var description: String?
    /// Naive UTC with microseconds.
    package var createdAt: String
    /// Naive UTC with microseconds.
    package var updatedAt: String

    /// Creates the body.
    package init(
        id: Int, clientId: Int, databaseCredentialId: Int, tableName: String, schemaDefinition: JSONValue, description: String?, createdAt: String,
        updatedAt: String
    ) {
        self.id = id
        self.clientId = clientId
        self.databaseCredentialId = databaseCredentialId
        self.tableName = tableName
        self.schemaDefinition = schemaDefinition
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, description
        case clientId = "client_id"
        case databaseCredentialId = "database_credential_id"
        case tableName = "table_name"
        case schemaDefinition = "schema_definition"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// `GET /clients/{client_id}/database-schemas`.
package struct DatabaseSchemaListBody: Codable, Sendable, Equatable {
    /// The client asked for.
    package var clientId: Int
    /// Its schemas by id.
    package var schemas: [DatabaseSchemaBody]
    /// `schemas.count`.
    package var total: Int

    /// Creates the body.
    package init(clientId: Int, schemas: [DatabaseSchemaBody]) {
        self.clientId = clientId
        self.schemas = schemas
        self.total = schemas.count
    }

    enum CodingKeys: String, CodingKey {
        case schemas, total
        case clientId = "client_id"
    }
}
