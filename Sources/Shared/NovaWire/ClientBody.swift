/// A client on the wire (new routes under `/clients`).
package struct ClientBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// Unique slug, used as `client_slug` at execute.
    package var slug: String
    /// Display name.
    package var name: String
    /// Whether executions may select it.
    package var isActive: Bool
    /// Naive UTC with microseconds.
    package var createdAt: String
    /// Naive UTC with microseconds.
    package var updatedAt: String

    /// Creates the body.
    package init(id: Int, slug: String, name: String, isActive: Bool, createdAt: String, updatedAt: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, slug, name
        case isActive = "is_active"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// `GET /clients`.
package struct ClientListBody: Codable, Sendable, Equatable {
    /// The page, by id.
    package var clients: [ClientBody]
    /// Count of all clients.
    package var total: Int

    /// Creates the body.
    package init(clients: [ClientBody], total: Int) {
        self.clients = clients
        self.total = total
    }
}
