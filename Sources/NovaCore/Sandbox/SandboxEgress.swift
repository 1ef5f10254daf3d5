/// The filtering proxy through which node code confined by Landlock (``SandboxMode/landlock``: no network namespace)
/// reaches the internet; nova runs it (the `EgressProxy` target) and hands it to ``ProcessSandbox``.
///
/// A run that asks for internet gets a credential of its own for its duration; its code finds the proxy in
/// `HTTP_PROXY` / `HTTPS_PROXY` (and lowercase), and Landlock lets it connect to ``port`` only.
package protocol SandboxEgress: Sendable {
    /// The proxy's port on 127.0.0.1.
    var port: UInt16 { get }
    /// A new credential that names `run` in the proxy's log, valid until ``revoke(_:)``.
    func admit(run: String) -> String
    /// Ends a credential.
    func revoke(_ credential: String)
}
