import NovaJSON

/// What a resumed run needs besides its journal: the full, unredacted context after the last finished node and the
/// secret values to hide. Stored on the execution sealed with `NOVA_SECRET_KEY` (``CredentialCipher``), never in the clear.
package struct RunCheckpoint: Sendable, Equatable {
    /// The context after the last finished node (or the starting context before the first).
    package var context: [String: JSONValue]
    /// Secret values to hide besides those under secret keys (``WorkflowRun/secrets``).
    package var secrets: [String]

    /// Creates the checkpoint.
    package init(context: [String: JSONValue], secrets: [String]) {
        self.context = context
        self.secrets = secrets
    }

    /// The sealed text.
    package func sealed(with cipher: CredentialCipher) throws -> String {
        try cipher.seal(["context": .object(context), "secrets": .array(secrets.map(JSONValue.string))]).sealed
    }

    /// Opens a checkpoint sealed by ``sealed(with:)``; throws ``CredentialCipherError/cannotOpen`` for a wrong key or altered text.
    package init(sealed: String, cipher: CredentialCipher) throws {
        let members = try cipher.open(SealedCredentialValues(fieldNames: [], sealed: sealed))
        guard let context = members["context"]?.objectValue, let secrets = members["secrets"]?.arrayValue else {
            throw CredentialCipherError.cannotOpen
        }
        self.init(context: context, secrets: secrets.compactMap(\.stringValue))
    }
}
