import Foundation
import Logging
import NovaJSON

#if canImport(Glibc)
    import Glibc
#endif

/// One client connection of ``EgressProxy``: reads the request head, checks the credential and the destination,
/// connects, then tunnels (`CONNECT`) or forwards the request with `Connection: close` and relays the answer.
struct ProxyConnection {
    let client: Int32
    let proxy: EgressProxy

    /// Serves the connection to its end; the caller closes `client`.
    func serve() {
        var timeout = timeval(tv_sec: Int(EgressProxy.setupTimeout / 1000), tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard case let (head, rest)? = ProxySocket.readHead(client) else { return }
        let request: ProxyRequest
        switch ProxyRequest.parse(head) {
        case .success(let parsed): request = parsed
        case .failure(let error):
            Self.answer(400, error.reason, to: client)
            return
        }
        guard let run = proxy.run(of: request.credential) else {
            proxy.logger.warning("egress refused: no valid sandbox credential", metadata: ["destination": "\(request.host):\(request.port)"])
            Self.answer(
                407, "the egress proxy serves nova's sandboxes only", to: client, extra: "Proxy-Authenticate: Basic realm=\"nova-sandbox\"\r\n")
            return
        }
        var metadata: Logger.Metadata = ["run": .string(run), "destination": .string("\(request.host):\(request.port)")]
        let addresses: [EgressAddress]
        switch proxy.policy.verdict(host: request.host, port: request.port, resolver: proxy.resolver) {
        case .allowed(let checked): addresses = checked
        case .refused(let reason):
            metadata["reason"] = .string(reason)
            proxy.logger.notice("egress refused", metadata: metadata)
            Self.answer(403, "nova's egress proxy refuses \(request.host):\(request.port): \(reason)", to: client)
            return
        case .unreachable(let reason):
            metadata["reason"] = .string(reason)
            proxy.logger.notice("egress unreachable", metadata: metadata)
            Self.answer(502, reason, to: client)
            return
        }
        let server: Int32
        switch ProxySocket.connect(to: addresses, port: request.port, timeout: EgressProxy.setupTimeout) {
        case .success(let connected): server = connected
        case .failure(let error):
            metadata["reason"] = .string(error.reason)
            proxy.logger.notice("egress unreachable", metadata: metadata)
            Self.answer(502, "\(request.host):\(request.port) cannot be reached (\(error.reason))", to: client)
            return
        }
        defer { _ = Glibc.close(server) }
        proxy.logger.info("egress allowed", metadata: metadata)
        var none = timeval()
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &none, socklen_t(MemoryLayout<timeval>.size))
        if let forwarded = request.forwardedHead {
            guard ProxySocket.sendAll(Array(forwarded.utf8) + rest, to: server) else { return }
        } else {
            guard ProxySocket.sendAll(Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8), to: client),
                ProxySocket.sendAll(rest, to: server)
            else { return }
        }
        ProxySocket.relay(client, server, idle: EgressProxy.idleTimeout)
    }

    /// Writes a complete answer with a JSON body `{"error": "<reason>"}` and `Connection: close`.
    static func answer(_ status: Int, _ reason: String, to client: Int32, extra: String = "") {
        let phrases = [400: "Bad Request", 403: "Forbidden", 407: "Proxy Authentication Required", 502: "Bad Gateway", 503: "Service Unavailable"]
        let body = JSONValue.object(["error": .string(reason)]).jsonText
        let head =
            "HTTP/1.1 \(status) \(phrases[status] ?? "Error")\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
            + "\(extra)Connection: close\r\n\r\n"
        ProxySocket.sendAll(Array((head + body).utf8), to: client)
    }
}
