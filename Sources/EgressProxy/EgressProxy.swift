import Foundation
import Logging
import NovaCore

#if canImport(Glibc)
    import Glibc
#endif

/// The filtering HTTP proxy through which node code confined by Landlock (``SandboxMode/landlock``, which has no
/// network namespace) reaches the internet: `CONNECT host:port` tunnels (https) and absolute `http://` requests,
/// from 127.0.0.1 on a port the kernel picks. Each run gets its own credential (``admit(run:)``), valid until
/// ``revoke(_:)``, so only sandboxes can use the proxy and the log names the run; requests without a valid one are
/// answered 407. The proxy resolves names itself, judges every address with ``EgressPolicy`` (403 with the reason
/// when refused) and connects to the addresses it checked, so a name cannot rebind between check and connection.
/// It logs the run, `host:port` and the verdict of each request, never its path, headers, body or the credential.
///
/// Blocking sockets on a thread per connection, at most ``connectionLimit`` at once (more are answered 503): the
/// sandboxes of one nova make a few connections each, and this keeps the proxy free of the server's event loops.
package final class EgressProxy: SandboxEgress, @unchecked Sendable {
    /// Connections served at once.
    static let connectionLimit = 64
    /// Milliseconds to wait for a request head or a destination's answer to connect.
    static let setupTimeout: Int32 = 10_000
    /// Milliseconds a tunnel or forwarded request may move no byte before it is closed.
    static let idleTimeout: Int32 = 120_000

    package let port: UInt16
    let policy: EgressPolicy
    let resolver: any EgressResolver
    let logger: Logger
    private let listener: Int32
    private let lock = NSLock()
    /// Credential → the run it names.
    private var runs: [String: String] = [:]
    private var connections = 0

    /// Listens on 127.0.0.1 at a port of the kernel's choice and starts accepting. Throws when no socket can be bound.
    package init(policy: EgressPolicy, resolver: any EgressResolver = SystemEgressResolver(), logger: Logger) throws {
        self.policy = policy
        self.resolver = resolver
        self.logger = logger
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw EgressProxyError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(INADDR_LOOPBACK).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(listener)
            throw EgressProxyError("bind 127.0.0.1: \(reason)")
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "egress-proxy"
        thread.start()
    }

    package func admit(run: String) -> String {
        let credential = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        lock.withLock { runs[credential] = run }
        return credential
    }

    package func revoke(_ credential: String) {
        _ = lock.withLock { runs.removeValue(forKey: credential) }
    }

    /// Stops accepting; connections already served run to their end.
    package func stop() {
        _ = shutdown(listener, Int32(SHUT_RDWR))
    }

    /// The run a credential names, nil when it is none (or was revoked).
    func run(of credential: String?) -> String? {
        credential.flatMap { credential in lock.withLock { runs[credential] } }
    }

    private func acceptLoop() {
        defer { _ = Glibc.close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE { continue }
                return
            }
            // Swift's Glibc module has no accept4; a sandbox spawned in between inherits nothing either way, since
            // ChildProcess closes every descriptor it does not hand over.
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let admitted = lock.withLock { () -> Bool in
                guard connections < Self.connectionLimit else { return false }
                connections += 1
                return true
            }
            guard admitted else {
                ProxyConnection.answer(503, "the egress proxy serves \(Self.connectionLimit) connections at once", to: client)
                _ = Glibc.close(client)
                continue
            }
            Thread { [self] in
                ProxyConnection(client: client, proxy: self).serve()
                _ = Glibc.close(client)
                lock.withLock { connections -= 1 }
            }.start()
        }
    }
}

/// The egress proxy could not start.
package struct EgressProxyError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
