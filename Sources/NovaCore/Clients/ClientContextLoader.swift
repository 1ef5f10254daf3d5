import NovaJSON

/// Builds the context keys an execution gets for `client_slug` (docs/api.md §3.10): the primary email and database
/// credentials opened with the cipher, and the client's table schemas as `database_schemas`.
package struct ClientContextLoader: Sendable {
    private let clients: any ClientStore
    private let schemas: any DatabaseSchemaStore
    private let cipher: CredentialCipher?

    /// Creates the loader; without a cipher no credential can be opened.
    package init(clients: any ClientStore, schemas: any DatabaseSchemaStore, cipher: CredentialCipher?) {
        self.clients = clients
        self.schemas = schemas
        self.cipher = cipher
    }

    /// The keys to merge into the initial context of an execution for the active client `slug`.
    package func context(slug: String) async throws -> [String: JSONValue] {
        guard let client = try await clients.client(slug: slug), client.isActive else { throw ClientContextError.clientNotFound(slug) }
        let credentials = try await clients.credentials(clientID: client.id)
        var missing: [String] = []
        var context: [String: JSONValue] = ["client_slug": .string(slug)]
        for (kind, defaults) in Self.injected {
            guard let credential = Self.primary(of: kind, in: credentials) else {
                missing.append("no \(kind.rawValue) credential")
                continue
            }
            guard let cipher else { throw ClientContextError.noSecretKey }
            let values = try cipher.open(credential.values)
            context.merge(defaults) { _, fallback in fallback }
            context.merge(values) { _, value in value }
        }
        guard missing.isEmpty else { throw ClientContextError.credentialsNotFound(slug, missing) }
        let tables = try await schemas.schemas(clientID: client.id)
        if !tables.isEmpty {
            context["database_schemas"] = .object(Dictionary(tables.map { ($0.tableName, $0.schemaDefinition) }) { _, last in last })
        }
        return context
    }

    /// The kinds injected and the defaults of their optional fields.
    private static let injected: [(CredentialKind, [String: JSONValue])] = [
        (.email, ["imap_port": .int(993), "smtp_port": .int(587), "sender_whitelist": .array([])]),
        (.database, ["db_port": .int(5432)]),
    ]

    /// The credential marked primary, else the oldest of the kind.
    private static func primary(of kind: CredentialKind, in credentials: [StoredCredential]) -> StoredCredential? {
        let ofKind = credentials.filter { $0.kind == kind }
        return ofKind.first(where: \.isPrimary) ?? ofKind.min { $0.id < $1.id }
    }
}

/// Why an execution cannot get a client's context.
package enum ClientContextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No active client has this slug.
    case clientNotFound(String)
    /// The client lacks an email or database credential.
    case credentialsNotFound(String, [String])
    /// Credentials exist but `NOVA_SECRET_KEY` is not set.
    case noSecretKey

    /// The message of the task failure (docs/api.md §3.4, §3.10).
    package var description: String {
        switch self {
        case .clientNotFound(let slug): "Client '\(slug)' not found or inactive"
        case .credentialsNotFound(let slug, let missing): "Credentials not found for client '\(slug)': \(missing.joined(separator: ", "))"
        case .noSecretKey: "Credentials cannot be decrypted: NOVA_SECRET_KEY is not set"
        }
    }
}
