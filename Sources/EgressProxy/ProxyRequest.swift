import Foundation

/// The head of one request a sandbox sends the egress proxy: `CONNECT host:port` (a tunnel) or an absolute
/// `http://` URL (forwarded), with the proxy credential taken out of the headers that go on.
struct ProxyRequest: Sendable {
    /// Tunnel or forward.
    enum Kind: Sendable, Equatable {
        /// `CONNECT host:port`: the proxy answers 200 and relays bytes.
        case tunnel
        /// `METHOD http://host[:port]/path`: the proxy sends `METHOD /path` on with `Connection: close`.
        case forward(method: String, path: String, version: String)
    }

    /// Tunnel or forward.
    var kind: Kind
    /// Destination host, lowercase, without brackets or a trailing dot.
    var host: String
    /// Destination port.
    var port: UInt16
    /// The credential of `Proxy-Authorization: Basic` (the password; the user name is ignored), if any.
    var credential: String?
    /// The headers sent on (forward only): all but the proxy's own and the hop-by-hop ones.
    var headers: [(name: String, value: String)]

    /// Headers that concern the connection to the proxy, never sent on.
    private static let hopByHop: Set<String> = ["proxy-authorization", "proxy-connection", "connection", "keep-alive", "te", "upgrade"]

    /// Parses a request head (up to and without the empty line), or says why it is not a request the proxy serves.
    static func parse(_ head: String) -> Result<ProxyRequest, ProxyRequestError> {
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { return .failure(.init("malformed request line")) }
        var credential: String?
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return .failure(.init("malformed header line")) }
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            let lowered = name.lowercased()
            if lowered == "proxy-authorization" { credential = Self.basicPassword(value) }
            if !hopByHop.contains(lowered) { headers.append((name, value)) }
        }
        let (method, target, version) = (requestLine[0], requestLine[1], requestLine[2])
        if method == "CONNECT" {
            guard case let (host, port)? = Self.authority(target, defaultPort: nil) else { return .failure(.init("CONNECT needs host:port")) }
            return .success(ProxyRequest(kind: .tunnel, host: host, port: port, credential: credential, headers: []))
        }
        guard target.lowercased().hasPrefix("http://") else {
            return .failure(.init("only absolute http:// URLs are forwarded; use CONNECT for https"))
        }
        let rest = target.dropFirst("http://".count)
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let path = rest[end...].hasPrefix("?") ? "/" + String(rest[end...]) : String(rest[end...])
        guard case let (host, port)? = Self.authority(String(rest[..<end]), defaultPort: 80) else {
            return .failure(.init("malformed URL host"))
        }
        return .success(
            ProxyRequest(
                kind: .forward(method: method, path: path.isEmpty ? "/" : path, version: version), host: host, port: port,
                credential: credential, headers: headers))
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`; nil without a port when `defaultPort` is nil, or with user
    /// information, an empty host or a bad port.
    static func authority(_ text: String, defaultPort: UInt16?) -> (String, UInt16)? {
        guard !text.contains("@") else { return nil }
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = Substring(text)
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        let port: UInt16?
        if let portText { port = UInt16(portText) } else { port = defaultPort }
        guard !host.isEmpty, let port, port > 0 else { return nil }
        return (host.lowercased(), port)
    }

    private static func basicPassword(_ value: String) -> String? {
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let data = Data(base64Encoded: String(parts[1])) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return text.firstIndex(of: ":").map { String(text[text.index(after: $0)...]) }
    }

    /// The head sent to the destination of a forwarded request.
    var forwardedHead: String? {
        guard case .forward(let method, let path, let version) = kind else { return nil }
        let lines = ["\(method) \(path) \(version)"] + headers.map { "\($0.name): \($0.value)" } + ["Connection: close", "", ""]
        return lines.joined(separator: "\r\n")
    }
}

/// Why a request head is not one the proxy serves (answered 400).
struct ProxyRequestError: Error, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
