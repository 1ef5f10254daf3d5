/// A client credential on the wire: its label and which fields it holds as `has_<field>: true` — never a value.
package struct CredentialBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The client.
    package var clientId: Int
    /// `email`, `database` or `api_key`.
    package var kind: String
    /// The label.
    package var name: String
    /// Whether executions load it for its kind.
    package var isPrimary: Bool
    /// The names of the fields it holds, sorted; encoded as `has_<field>: true`.
    package var fieldNames: [String]
    /// Naive UTC with microseconds.
    package var createdAt: String
    /// Naive UTC with microseconds.
    package var updatedAt: String

    /// Creates the body.
    package init(id: Int, clientId: Int, kind: String, name: String, isPrimary: Bool, fieldNames: [String], createdAt: String, updatedAt: String) {
        self.id = id
        self.clientId = clientId
        self.kind = kind
        self.name = name
        self.isPrimary = isPrimary
        self.fieldNames = fieldNames.sorted()
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the fixed members and every `has_<field>: true`.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        id = try container.decode(Int.self, forKey: Key("id"))
        clientId = try container.decode(Int.self, forKey: Key("client_id"))
        kind = try container.decode(String.self, forKey: Key("kind"))
        name = try container.decode(String.self, forKey: Key("name"))
        isPrimary = try container.decode(Bool.self, forKey: Key("is_primary"))
        createdAt = try container.decode(String.self, forKey: Key("created_at"))
        updatedAt = try container.decode(String.self, forKey: Key("updated_at"))
        fieldNames = try container.allKeys.filter { $0.stringValue.hasPrefix("has_") }
            .filter { try container.decode(Bool.self, forKey: $0) }.map { String($0.stringValue.dropFirst(4)) }.sorted()
    }

    /// Encodes the fixed members and `has_<field>: true` for each field held.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: Key("id"))
        try container.encode(clientId, forKey: Key("client_id"))
        try container.encode(kind, forKey: Key("kind"))
        try container.encode(name, forKey: Key("name"))
        try container.encode(isPrimary, forKey: Key("is_primary"))
        for field in fieldNames { try container.encode(true, forKey: Key("has_\(field)")) }
        try container.encode(createdAt, forKey: Key("created_at"))
        try container.encode(updatedAt, forKey: Key("updated_at"))
    }
}

/// `GET /clients/{client_id}/credentials`.
package struct CredentialListBody: Codable, Sendable, Equatable {
    /// The client.
    package var clientId: Int
    /// Its credentials by id.
    package var credentials: [CredentialBody]
    /// `credentials.count`.
    package var total: Int

    /// Creates the body.
    package init(clientId: Int, credentials: [CredentialBody]) {
        self.clientId = clientId
        self.credentials = credentials
        self.total = credentials.count
    }

    enum CodingKeys: String, CodingKey {
        case credentials, total
        case clientId = "client_id"
    }
}
