/// Where a service listens: `HOST` (default `0.0.0.0`) and `PORT` (or the `--host`/`--port` flags, which win).
package struct ListenAddress: Sendable, Equatable {
    /// Interface to bind.
    package var host: String
    /// TCP port.
    package var port: Int

    /// Reads `HOST` and `PORT` with `defaultPort`.
    package init(env: EnvironmentReader, defaultPort: Int) throws {
        host = env.string("HOST", default: "0.0.0.0")
        port = try env.int("PORT", default: defaultPort, in: 0...65535)
    }

    /// Whether only this machine can connect.
    package var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
