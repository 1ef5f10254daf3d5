/// The values of a credential as stored: which fields it holds (in the clear) and their values sealed with AES-GCM.
package struct SealedCredentialValues: Sendable, Equatable {
    /// The names of the fields it holds, sorted; responses show them as `has_<field>: true`.
    package var fieldNames: [String]
    /// `v1:` followed by the base64 of nonce, ciphertext and tag (``CredentialCipher``).
    package var sealed: String

    /// Creates the value; field names are sorted.
    package init(fieldNames: [String], sealed: String) {
        self.fieldNames = fieldNames.sorted()
        self.sealed = sealed
    }
}
