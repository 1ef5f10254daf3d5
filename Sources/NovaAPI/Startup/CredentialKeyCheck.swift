import NovaCore
import ServiceKit

/// Refuses to start on a store holding credentials that the configured `NOVA_SECRET_KEY` cannot open.
enum CredentialKeyCheck {
    static func verify(_ clients: any ClientStore, cipher: CredentialCipher?) async throws {
        let (count, sample) = try await clients.credentialSample()
        guard count > 0, let sample else { return }
        guard let cipher else {
            throw StartupError(
                "the store holds \(count) encrypted client credential(s) but NOVA_SECRET_KEY is not set: set NOVA_SECRET_KEY to the key they were "
                    + "stored with")
        }
        do {
            _ = try cipher.open(sample.values)
        } catch {
            throw StartupError("NOVA_SECRET_KEY does not decrypt the stored client credentials: set it to the key they were stored with")
        }
    }
}
