import Foundation
import NIOSSL
import PostgresNIO

/// The parts of a `postgres://user:password@host:port/database?sslmode=…` URL, and the PostgresNIO configurations made from them.
package struct PostgresURL: Sendable, CustomStringConvertible {
    /// Server host.
    package let host: String
    /// Server port (5432 by default).
    package let port: Int
    /// User name (`postgres` by default).
    package let username: String
    /// Password, if the URL has one.
    let password: String?
    /// Database name, if the URL names one.
    package let database: String?
    /// `disable`, `prefer` (default) or `require`.
    package let sslMode: String

    /// Parses `text`; a malformed URL is a ``ConfigError`` on `DATABASE_URL` that never repeats the URL.
    package init(_ text: String, key: String = "DATABASE_URL") throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw ConfigError(key: key, problem: "expected a postgres:// or postgresql:// URL")
        }
        guard let host = url.host, !host.isEmpty else {
            throw ConfigError(key: key, problem: "the URL has no host")
        }
        let mode = url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        let normalised: String
        switch mode {
        case "disable": normalised = "disable"
        case "allow", "prefer": normalised = "prefer"
        case "require", "verify-ca", "verify-full": normalised = "require"
        default: throw ConfigError(key: key, problem: "unknown sslmode \"\(mode)\" (use disable, prefer or require)")
        }
        let database = String(url.path.drop(while: { $0 == "/" }))
        self.host = host
        self.port = url.port ?? 5432
        self.username = url.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        self.password = url.percentEncodedPassword?.removingPercentEncoding
        self.database = database.isEmpty ? nil : database
        self.sslMode = normalised
    }

    /// `host:port/database`, without credentials: safe for logs and error messages.
    package var description: String { "\(host):\(port)/\(database ?? "")" }

    /// The pooled client's configuration.
    package var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
        return PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// A single connection's configuration, for the startup probe.
    package func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
