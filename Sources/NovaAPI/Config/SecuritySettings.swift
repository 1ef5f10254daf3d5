import NovaCore
import ServiceKit

/// Who may call nova and how often, and the key of stored credentials (README.md lists the variables).
struct SecuritySettings: Sendable {
    /// The three origins of docs/api.md §3.1.
    static let defaultCORSOrigins = ["http://localhost:3000", "http://localhost:5173", "https://nova-dashboard.vercel.app"]

    /// `NOVA_API_KEYS`, comma-separated; empty means no authentication.
    var apiKeys: [String]
    /// `NOVA_ALLOW_UNAUTHENTICATED`: serve a non-loopback address without API keys.
    var allowUnauthenticated: Bool
    /// `CORS_ORIGINS`, comma-separated; default ``defaultCORSOrigins``.
    var corsOrigins: [String]
    /// `RATE_LIMIT_PER_MINUTE` per API key (or per client address without keys), default 600.
    var rateLimitPerMinute: Int
    /// `AUTH_FAILURES_PER_MINUTE` per client address, default 20: beyond it the address gets 429 (``AuthFailureBrakeMiddleware``).
    var authFailuresPerMinute: Int
    /// The cipher of `NOVA_SECRET_KEY`, nil when unset.
    var cipher: CredentialCipher?

    /// Reads the variables; a `NOVA_SECRET_KEY` too short to derive a key from is a ``ConfigError``.
    init(env: EnvironmentReader) throws {
        apiKeys = env.list("NOVA_API_KEYS")
        allowUnauthenticated = try env.bool("NOVA_ALLOW_UNAUTHENTICATED", default: false)
        let origins = env.list("CORS_ORIGINS")
        corsOrigins = origins.isEmpty ? Self.defaultCORSOrigins : origins
        rateLimitPerMinute = try env.int("RATE_LIMIT_PER_MINUTE", default: 600, in: 1...1_000_000)
        authFailuresPerMinute = try env.int("AUTH_FAILURES_PER_MINUTE", default: 20, in: 1...1_000_000)
        do {
            cipher = try env.string("NOVA_SECRET_KEY").map { try CredentialCipher(secret: $0) }
        } catch let error as CredentialCipherError {
            throw ConfigError(key: "NOVA_SECRET_KEY", problem: error.description)
        }
    }

    /// Refuses to serve `listen` without API keys unless it is loopback or unauthenticated serving was allowed.
    func checkExposure(of listen: ListenAddress) throws {
        guard apiKeys.isEmpty, !listen.isLoopback, !allowUnauthenticated else { return }
        throw ConfigError(
            key: "NOVA_API_KEYS",
            problem: "HOST=\(listen.host) accepts connections from other machines but no API key is set: set NOVA_API_KEYS=<key>[,<key>…] to "
                + "require keys, or NOVA_ALLOW_UNAUTHENTICATED=true to serve without authentication, or HOST=127.0.0.1 to serve this machine only")
    }
}
