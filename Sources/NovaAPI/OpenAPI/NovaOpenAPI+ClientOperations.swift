import NovaJSON
import ServiceKit

extension NovaOpenAPI {
    private static let clientID = id("client_id", "client")
    private static let credentialPath = "/clients/{client_id}/credentials/{credential_id}"
    private static let schemaPath = "/clients/{client_id}/database-schemas/{schema_id}"

    /// The routes that take the id of a created client.
    private static let clientRoutes =
        itemRoutes("/clients/{client_id}")
        + ["/credentials", "/database-schemas"].flatMap { [("GET", "/clients/{client_id}" + $0), ("POST", "/clients/{client_id}" + $0)] }

    /// GET, PUT and DELETE of `path`.
    private static func itemRoutes(_ path: String) -> [(method: String, path: String)] {
        ["GET", "PUT", "DELETE"].map { ($0, path) }
    }

    static let clientOperations: [OpenAPIOperation] = [
        operation(
            "GET", "/clients", "List clients by id", tag: "clients", parameters: [query("skip", "Rows to skip"), query("limit", "Rows to return")],
            [json(200, "Page of clients", S.ref("ClientList")), invalid]),
        operation(
            "POST", "/clients", "Create a client", tag: "clients", body: (S.ref("ClientCreate"), true),
            [
                (201, Answer.json("Created", S.ref("Client")).linking(clientRoutes, parameters: ["client_id": "id"])), (400, error("Duplicate slug")),
                invalid,
            ]),
        operation(
            "GET", "/clients/{client_id}", "One client", tag: "clients", parameters: [clientID],
            [json(200, "Client", S.ref("Client")), notFound("Client"), invalid]),
        operation(
            "PUT", "/clients/{client_id}", "Update a client", tag: "clients", parameters: [clientID], body: (S.ref("ClientUpdate"), true),
            [json(200, "Updated", S.ref("Client")), (400, error("Duplicate slug")), notFound("Client"), invalid]),
        operation(
            "DELETE", "/clients/{client_id}", "Delete a client with its credentials and schemas", tag: "clients", parameters: [clientID],
            [json(200, "Deleted", S.ref("Message")), notFound("Client"), invalid]),
        operation(
            "GET", "/clients/{client_id}/credentials", "A client's credentials (names and has_<field> flags only)", tag: "clients",
            parameters: [clientID],
            [json(200, "Credentials", S.ref("CredentialList")), notFound("Client"), invalid]),
        operation(
            "POST", "/clients/{client_id}/credentials", "Store a credential, encrypted with NOVA_SECRET_KEY", tag: "clients", parameters: [clientID],
            body: (S.ref("CredentialCreate"), true),
            [
                (
                    201,
                    Answer.json("Stored", S.ref("Credential")).linking(
                        itemRoutes(credentialPath), parameters: ["client_id": "client_id", "credential_id": "id"])
                ), (400, error("NOVA_SECRET_KEY not set")), notFound("Client"), invalid,
            ]),
        operation(
            "GET", credentialPath, "One credential (no values)", tag: "clients", parameters: [clientID, id("credential_id", "credential")],
            [json(200, "Credential", S.ref("Credential")), notFound("Credential"), invalid]),
        operation(
            "PUT", credentialPath, "Rename, mark primary, or change values (null removes an optional field)", tag: "clients",
            parameters: [clientID, id("credential_id", "credential")], body: (S.ref("CredentialUpdate"), true),
            [json(200, "Updated", S.ref("Credential")), (400, error("NOVA_SECRET_KEY not set")), notFound("Credential"), invalid]),
        operation(
            "DELETE", credentialPath, "Delete a credential", tag: "clients", parameters: [clientID, id("credential_id", "credential")],
            [(204, .empty("Deleted")), (400, error("Used by a database schema")), notFound("Credential"), invalid]),
        operation(
            "GET", "/clients/{client_id}/database-schemas", "A client's table schemas", tag: "clients", parameters: [clientID],
            [json(200, "Schemas", S.ref("DatabaseSchemaList")), invalid]),
        operation(
            "POST", "/clients/{client_id}/database-schemas", "Describe a table of the client's database", tag: "clients", parameters: [clientID],
            body: (S.ref("DatabaseSchemaCreate"), true),
            [
                (
                    201,
                    Answer.json("Created", S.ref("DatabaseSchema")).linking(
                        itemRoutes(schemaPath), parameters: ["client_id": "client_id", "schema_id": "id"])
                ), (400, error("Duplicate table or unknown credential")), notFound("Client"), invalid,
            ]),
        operation(
            "GET", schemaPath, "One schema", tag: "clients", parameters: [clientID, id("schema_id", "schema")],
            [json(200, "Schema", S.ref("DatabaseSchema")), notFound("Schema"), invalid]),
        operation(
            "PUT", schemaPath, "Update a schema", tag: "clients", parameters: [clientID, id("schema_id", "schema")],
            body: (S.ref("DatabaseSchemaUpdate"), true),
            [json(200, "Updated", S.ref("DatabaseSchema")), (400, error("Duplicate table or unknown credential")), notFound("Schema"), invalid]),
        operation(
            "DELETE", schemaPath, "Delete a schema", tag: "clients", parameters: [clientID, id("schema_id", "schema")],
            [(204, .empty("Deleted")), notFound("Schema"), invalid]),
    ]

    static let cacheOperations: [OpenAPIOperation] = [
        operation("GET", "/cache/stats", "Exact cache totals and top codes", tag: "cache", [json(200, "Stats", S.ref("CacheStats"))]),
        operation(
            "GET", "/cache/entries", "Entries, most reused first", tag: "cache",
            parameters: [
                query("limit", "Rows to return (capped at 1000)"), query("offset", "Rows to skip"),
                query("workflow_id", minimum: 1, "Only entries of this workflow"),
            ],
            [json(200, "Page of entries", S.ref("CacheEntries")), invalid]),
        operation(
            "GET", "/cache/entries/{cache_key}", "One entry with its code and prompt", tag: "cache",
            parameters: [Parameter("cache_key", in: .path, S.string(), "64 hex characters")],
            [json(200, "Entry", S.ref("CacheEntryDetail")), notFound("Cache entry")]),
        operation(
            "DELETE", "/cache/entries/{cache_key}", "Delete every entry with this key", tag: "cache",
            parameters: [Parameter("cache_key", in: .path, S.string(), "64 hex characters")], [(204, .empty("Deleted (also when unknown)"))]),
        operation(
            "DELETE", "/cache/cleanup", "Delete entries unused (or, never used, created) more than days_old days ago", tag: "cache",
            parameters: [query("days_old", maximum: 36_500, "Age in days (default 90)")], [json(200, "Deleted", S.ref("CacheCleanup")), invalid]),
    ]
}
