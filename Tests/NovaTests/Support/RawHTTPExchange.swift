import Foundation

/// One HTTP/1.1 exchange written byte for byte on a loopback socket, for what an HTTP client library will not send
/// (a body shorter than its `Content-Length`, unfinished headers, bytes the parser refuses).
struct RawHTTPExchange {
    /// Everything the server sent before it closed the connection or `wait` passed.
    let reply: String
    /// Whether the server closed the connection within `wait`.
    let closed: Bool
    /// Seconds from the last byte written until the server closed (or `wait`).
    let seconds: Double

    /// The status code of the reply's first line, nil without one.
    var status: Int? {
        let parts = reply.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1.") else { return nil }
        return Int(parts[1])
    }

    /// The reply's body: what follows the blank line after the headers.
    var body: String {
        reply.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }

    /// The value of header `name` in the reply (case-insensitive), nil if absent.
    func header(_ name: String) -> String? {
        let head = reply.components(separatedBy: "\r\n\r\n").first ?? ""
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == name.lowercased() { return pair[1].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// Connects to `127.0.0.1:port`, writes `request`, and reads until the server closes or `wait` seconds pass; the
    /// blocking socket work runs off Swift's cooperative pool.
    static func send(_ request: [UInt8], port: Int, wait: Double) async throws -> RawHTTPExchange {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(request, port: port, wait: wait) })
            }
        }
    }

    /// ``send(_:port:wait:)`` with the request as text.
    static func send(_ request: String, port: Int, wait: Double) async throws -> RawHTTPExchange {
        try await send(Array(request.utf8), port: port, wait: wait)
    }

    private static func exchange(_ request: [UInt8], port: Int, wait: Double) throws -> RawHTTPExchange {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServiceProcess.ProcessFailed(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw ServiceProcess.ProcessFailed(description: "connect to port \(port) failed") }
        var written = 0
        while written < request.count {
            // MSG_NOSIGNAL: a server that answers and closes before the whole request is written must not SIGPIPE the tests.
            let count = request[written...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            written += count
        }
        let started = Date()
        var received: [UInt8] = []
        var closed = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date().timeIntervalSince(started) < wait {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 {
                closed = true
                break
            }
            received += buffer[0..<count]
        }
        return RawHTTPExchange(
            reply: String(decoding: received, as: UTF8.self), closed: closed, seconds: Date().timeIntervalSince(started))
    }
}
