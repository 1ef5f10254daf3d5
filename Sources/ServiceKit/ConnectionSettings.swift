import Hummingbird
import HummingbirdCore
import NIOCore

/// How the HTTP/1 server treats connections: `IDLE_TIMEOUT_SECONDS` closes a connection that sends nothing for that
/// long while a request is unfinished (headers or body cut short, slowloris) or between requests, and parser errors
/// are answered in the service's JSON envelope (``ParserErrorEnvelopeHandler``).
package struct ConnectionSettings: Sendable, Equatable {
    /// `IDLE_TIMEOUT_SECONDS`, default 10.
    package var idleTimeoutSeconds: Double

    /// Reads `IDLE_TIMEOUT_SECONDS` (0.1 ... 3600).
    package init(env: EnvironmentReader) throws {
        idleTimeoutSeconds = try env.double("IDLE_TIMEOUT_SECONDS", default: 10, in: 0.1...3600)
    }

    /// The HTTP/1 server of a service whose error bodies have `style`.
    ///
    /// Hummingbird's idle timer restarts on every complete HTTP part (a head, a body chunk), not on every byte: a
    /// client trickling one header byte at a time is closed after the timeout all the same, and one trickling a body
    /// stays as long as each chunk arrives within it. A request being answered is never cut.
    package func server(style: ErrorStyle) -> HTTPServerBuilder {
        .http1(
            configuration: .init(
                additionalChannelHandlers: [ParserErrorEnvelopeHandler(style: style)],
                idleTimeout: .nanoseconds(Int64(idleTimeoutSeconds * 1_000_000_000))))
    }
}
