import Testing

@testable import EgressProxy

/// How the egress proxy reads a request head: what it forwards, what it keeps for itself, what it refuses.
@Suite("Egress proxy request heads")
struct ProxyRequestTests {
    @Test("A forwarded request goes on in origin form without the proxy's credential or hop-by-hop headers")
    func forward() throws {
        let head = [
            "GET http://Example.COM./a?b=1 HTTP/1.1", "Host: example.com", "Proxy-Authorization: Basic c2FuZGJveDpzZWNyZXQ=",
            "Proxy-Connection: keep-alive", "Connection: keep-alive", "Accept: */*",
        ].joined(separator: "\r\n")
        let request = try ProxyRequest.parse(head).get()
        #expect(request.host == "example.com" && request.port == 80 && request.credential == "secret")
        #expect(request.forwardedHead == "GET /a?b=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nConnection: close\r\n\r\n")
    }

    @Test("CONNECT names host and port, IPv6 in brackets")
    func tunnel() throws {
        let request = try ProxyRequest.parse("CONNECT [2606:4700::1111]:443 HTTP/1.1\r\nHost: x").get()
        #expect(request.kind == .tunnel && request.host == "2606:4700::1111" && request.port == 443 && request.credential == nil)
        #expect(request.forwardedHead == nil)
    }

    @Test(
        "Heads the proxy does not serve",
        arguments: [
            "GET /relative HTTP/1.1", "GET https://example.com/ HTTP/1.1", "CONNECT example.com HTTP/1.1",
            "CONNECT user@example.com:443 HTTP/1.1", "GET http://example.com:0/ HTTP/1.1", "GET http://:80/ HTTP/1.1",
            "GET http://example.com/ SPDY/3", "GET http://example.com/ HTTP/1.1\r\nno colon",
        ])
    func refused(head: String) {
        #expect(throws: ProxyRequestError.self) { try ProxyRequest.parse(head).get() }
    }
}
