import Foundation

/// A customer whose credentials and database schemas workflows use (selected by `client_slug` at execute).
package struct Client: Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// Unique short name used by `client_slug`.
    package var slug: String
    /// Display name.
    package var name: String
    /// Inactive clients cannot be selected for an execution.
    package var isActive: Bool
    /// When it was created.
    package var createdAt: Date
    /// When it last changed.
    package var updatedAt: Date

    /// Creates the value.
    package init(id: Int, slug: String, name: String, isActive: Bool, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.slug = slug
        self.name = name
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The fields of a client to create.
package struct ClientDraft: Sendable, Equatable {
    /// Unique slug.
    package var slug: String
    /// Display name.
    package var name: String
    /// Whether it can be selected.
    package var isActive: Bool

    /// Creates the draft.
    package init(slug: String, name: String, isActive: Bool = true) {
        self.slug = slug
        self.name = name
        self.isActive = isActive
    }
}

/// A partial update of a client: nil members stay unchanged.
package struct ClientChanges: Sendable, Equatable {
    /// New slug.
    package var slug: String?
    /// New name.
    package var name: String?
    /// New activity flag.
    package var isActive: Bool?

    /// Creates the changes.
    package init(slug: String? = nil, name: String? = nil, isActive: Bool? = nil) {
        self.slug = slug
        self.name = name
        self.isActive = isActive
    }

    /// `client` with the changes applied at `time`.
    package func applied(to client: Client, at time: Date) -> Client {
        var next = client
        if let slug { next.slug = slug }
        if let name { next.name = name }
        if let isActive { next.isActive = isActive }
        next.updatedAt = time
        return next
    }
}
