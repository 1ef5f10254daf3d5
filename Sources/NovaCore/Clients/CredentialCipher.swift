import Crypto
import Foundation
import NovaJSON

/// Seals credential values with AES-256-GCM under the key configured by `NOVA_SECRET_KEY`.
///
/// Key: the 32 bytes of `NOVA_SECRET_KEY` when it is base64 of exactly 32 bytes (`openssl rand -base64 32`);
/// otherwise HKDF-SHA256 over its UTF-8 bytes (salt `nova.credentials.v1`, info `aes-256-gcm`), which needs at least
/// 16 characters. Each seal uses a fresh random 96-bit nonce and authenticates the label `nova.credential.v1`.
/// Sealed text: `v1:` + base64(nonce ‖ ciphertext ‖ tag).
package struct CredentialCipher: Sendable {
    /// The fewest characters a non-base64 secret may have.
    package static let minimumSecretLength = 16
    private static let prefix = "v1:"
    private static let label = Data("nova.credential.v1".utf8)
    private let key: SymmetricKey

    /// Derives the key from `secret`; a secret too short to derive from throws ``CredentialCipherError/secretTooShort``.
    package init(secret: String) throws {
        if let raw = Data(base64Encoded: secret), raw.count == 32 {
            key = SymmetricKey(data: raw)
        } else if secret.count >= Self.minimumSecretLength {
            key = HKDF<SHA256>.deriveKey(
                inputKeyMaterial: SymmetricKey(data: Data(secret.utf8)), salt: Data("nova.credentials.v1".utf8), info: Data("aes-256-gcm".utf8),
                outputByteCount: 32)
        } else {
            throw CredentialCipherError.secretTooShort
        }
    }

    /// Seals a credential's values.
    package func seal(_ values: [String: JSONValue]) throws -> SealedCredentialValues {
        let box = try AES.GCM.seal(Data(JSONValue.object(values).jsonText.utf8), using: key, authenticating: Self.label)
        guard let combined = box.combined else { throw CredentialCipherError.cannotOpen }
        return SealedCredentialValues(fieldNames: Array(values.keys), sealed: Self.prefix + combined.base64EncodedString())
    }

    /// Opens sealed values; a wrong key or altered text throws ``CredentialCipherError/cannotOpen``.
    package func open(_ sealed: SealedCredentialValues) throws -> [String: JSONValue] {
        guard sealed.sealed.hasPrefix(Self.prefix), let combined = Data(base64Encoded: String(sealed.sealed.dropFirst(Self.prefix.count))) else {
            throw CredentialCipherError.cannotOpen
        }
        do {
            let plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: combined), using: key, authenticating: Self.label)
            guard let values = JSONValue(jsonText: String(decoding: plain, as: UTF8.self))?.objectValue else {
                throw CredentialCipherError.cannotOpen
            }
            return values
        } catch {
            throw CredentialCipherError.cannotOpen
        }
    }
}

/// Why credential values could not be sealed or opened; messages never contain values.
package enum CredentialCipherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `NOVA_SECRET_KEY` is neither base64 of 32 bytes nor long enough to derive a key from.
    case secretTooShort
    /// The key does not open the sealed values (wrong `NOVA_SECRET_KEY`, or altered data).
    case cannotOpen

    /// One line without secrets.
    package var description: String {
        switch self {
        case .secretTooShort:
            "NOVA_SECRET_KEY must be base64 of 32 bytes (openssl rand -base64 32) or at least \(CredentialCipher.minimumSecretLength) characters"
        case .cannotOpen: "stored credential values cannot be decrypted with NOVA_SECRET_KEY (wrong key, or altered data)"
        }
    }
}
