import Foundation
import ServiceKit

/// The parts of a `redis://[:password@]host[:port][/db]` URL.
struct RedisURL: Sendable, CustomStringConvertible {
    let host: String
    let port: Int
    let password: String?
    let database: Int

    /// Parses `text`; a malformed URL is a ``ConfigError`` on `REDIS_URL` that never repeats the URL.
    init(_ text: String) throws {
        guard let url = URLComponents(string: text), url.scheme == "redis", let host = url.host, !host.isEmpty else {
            throw ConfigError(key: "REDIS_URL", problem: "expected a redis://host:port URL")
        }
        let path = url.path.drop(while: { $0 == "/" })
        guard path.isEmpty || Int(path) != nil else {
            throw ConfigError(key: "REDIS_URL", problem: "the database number after / must be an integer")
        }
        self.host = host
        self.port = url.port ?? 6379
        self.password = url.percentEncodedPassword?.removingPercentEncoding
        self.database = Int(path) ?? 0
    }

    /// `host:port/db` without the password.
    var description: String { "\(host):\(port)/\(database)" }
}
