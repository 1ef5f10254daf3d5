import Foundation

/// A client credential as the store holds it: its values only sealed (``CredentialCipher``).
package struct StoredCredential: Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The client it belongs to.
    package var clientID: Int
    /// What it is.
    package var kind: CredentialKind
    /// A label chosen by the user, e.g. `invoices mailbox`.
    package var name: String
    /// The credential of its kind loaded into executions (the oldest one when none is marked).
    package var isPrimary: Bool
    /// Field names and sealed values.
    package var values: SealedCredentialValues
    /// When it was created.
    package var createdAt: Date
    /// When it last changed.
    package var updatedAt: Date

    /// Creates the value.
    package init(
        id: Int, clientID: Int, kind: CredentialKind, name: String, isPrimary: Bool, values: SealedCredentialValues, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.clientID = clientID
        self.kind = kind
        self.name = name
        self.isPrimary = isPrimary
        self.values = values
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The fields of a credential to store.
package struct CredentialDraft: Sendable, Equatable {
    /// What it is.
    package var kind: CredentialKind
    /// Its label.
    package var name: String
    /// Marks it primary (unmarking the client's other credentials of its kind).
    package var isPrimary: Bool
    /// Field names and sealed values.
    package var values: SealedCredentialValues

    /// Creates the draft.
    package init(kind: CredentialKind, name: String, isPrimary: Bool, values: SealedCredentialValues) {
        self.kind = kind
        self.name = name
        self.isPrimary = isPrimary
        self.values = values
    }
}

/// A partial update of a credential: nil members stay unchanged.
package struct CredentialChanges: Sendable, Equatable {
    /// New label.
    package var name: String?
    /// New primary flag (true unmarks the client's other credentials of its kind).
    package var isPrimary: Bool?
    /// New field names and sealed values, replacing the old ones.
    package var values: SealedCredentialValues?

    /// Creates the changes.
    package init(name: String? = nil, isPrimary: Bool? = nil, values: SealedCredentialValues? = nil) {
        self.name = name
        self.isPrimary = isPrimary
        self.values = values
    }

    /// `credential` with the changes applied at `time`.
    package func applied(to credential: StoredCredential, at time: Date) -> StoredCredential {
        var next = credential
        if let name { next.name = name }
        if let isPrimary { next.isPrimary = isPrimary }
        if let values { next.values = values }
        next.updatedAt = time
        return next
    }
}
