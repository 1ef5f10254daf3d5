/// A run's admission to the egress proxy: where it listens and the credential that names the run, revoked when the
/// run ends.
struct EgressPass: Sendable, Hashable {
    /// The proxy's port on 127.0.0.1.
    var port: UInt16
    /// The run's credential (the password of the proxy URL; the code can read it, and it dies with the run).
    var credential: String

    /// `http://sandbox:<credential>@127.0.0.1:<port>`, the form `urllib` and `requests` take from `HTTP_PROXY`.
    var proxyURL: String { "http://sandbox:\(credential)@127.0.0.1:\(port)" }
}
