import NovaCore
import NovaJSON
import Shared

extension ClientBody {
    /// The wire form of `client`.
    init(_ client: Client) {
        self.init(
            id: client.id, slug: client.slug, name: client.name, isActive: client.isActive, createdAt: WireDate.naive(client.createdAt),
            updatedAt: WireDate.naive(client.updatedAt))
    }
}

extension CredentialBody {
    /// The wire form of `credential`: field names only, never values.
    init(_ credential: StoredCredential) {
        self.init(
            id: credential.id, clientId: credential.clientID, kind: credential.kind.rawValue, name: credential.name, isPrimary: credential.isPrimary,
            fieldNames: credential.values.fieldNames, createdAt: WireDate.naive(credential.createdAt), updatedAt: WireDate.naive(credential.updatedAt)
        )
    }
}
