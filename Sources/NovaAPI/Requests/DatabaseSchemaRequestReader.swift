import NovaCore
import NovaJSON
import ServiceKit

/// Validates the bodies of `POST`/`PUT /clients/{id}/database-schemas…` (docs/api.md §3.6).
enum DatabaseSchemaRequestReader {
    /// A create body: `database_credential_id`, `table_name`, `schema_definition` required; `description` optional.
    static func draft(_ body: JSONValue) throws -> DatabaseSchemaDraft {
        var fields = try BodyFields(body)
        let credentialID = fields.int("database_credential_id", in: 1...Int.max)
        if credentialID == nil, body["database_credential_id"] == nil || body["database_credential_id"] == .null {
            fields.fail("database_credential_id", type: "missing", msg: "Field required")
        }
        let table = fields.string("table_name", minLength: 1)
        let definition = fields.object("schema_definition")
        let description = fields.string("description", required: false)
        try fields.validate()
        guard let credentialID, let table, let definition else { throw RequestValidationError([]) }
        return DatabaseSchemaDraft(
            databaseCredentialID: credentialID, tableName: table, schemaDefinition: .object(definition), description: description)
    }

    /// An update body: any of the four fields.
    static func changes(_ body: JSONValue) throws -> DatabaseSchemaChanges {
        var fields = try BodyFields(body)
        let credentialID = fields.int("database_credential_id", in: 1...Int.max)
        let table = fields.string("table_name", required: false, minLength: 1)
        let definition = fields.object("schema_definition", required: false)
        let description = fields.string("description", required: false)
        try fields.validate()
        return DatabaseSchemaChanges(
            databaseCredentialID: credentialID, tableName: table, schemaDefinition: definition.map(JSONValue.object), description: description)
    }
}
