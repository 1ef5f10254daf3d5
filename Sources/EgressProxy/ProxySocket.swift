import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Blocking socket steps of the egress proxy, each on the connection's own thread: reading a request head, writing
/// everything, connecting with a deadline, and relaying both directions until both ends are done or the line idles.
enum ProxySocket {
    /// Longest request head read (more is refused).
    static let headLimit = 16 * 1024

    /// Reads up to and including the empty line ending the head; returns the head (without the empty line) and the
    /// bytes read after it, or nil when the peer closed, timed out or sent more than ``headLimit`` first.
    static func readHead(_ descriptor: Int32) -> (head: String, rest: [UInt8])? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while buffer.count < headLimit {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            let searchFrom = max(0, buffer.count - 3)
            buffer += chunk[..<count]
            if let range = buffer[searchFrom...].firstRange(of: end) {
                return (String(decoding: buffer[..<range.lowerBound], as: UTF8.self), Array(buffer[range.upperBound...]))
            }
        }
        return nil
    }

    /// Writes all of `bytes`; false when the peer is gone.
    @discardableResult
    static func sendAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// A socket connected to the first of `addresses` that answers within `timeout` milliseconds each, or the last
    /// error.
    static func connect(to addresses: [EgressAddress], port: UInt16, timeout: Int32) -> Result<Int32, ProxyConnectError> {
        var failure = ProxyConnectError(reason: "no address")
        for address in addresses {
            let family = address.bytes.count == 4 ? AF_INET : AF_INET6
            let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard descriptor >= 0 else { return .failure(ProxyConnectError(reason: String(cString: strerror(errno)))) }
            var started = address.withSocketAddress(port: port) { Glibc.connect(descriptor, $0, $1) }
            if started < 0, errno == EINPROGRESS {
                var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&entry, 1, timeout) == 1 {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
                    errno = error
                    started = error == 0 ? 0 : -1
                } else {
                    errno = ETIMEDOUT
                }
            }
            if started == 0 {
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
                return .success(descriptor)
            }
            failure = ProxyConnectError(reason: "\(address): \(String(cString: strerror(errno)))")
            _ = Glibc.close(descriptor)
        }
        return .failure(failure)
    }

    /// Copies bytes both ways between `client` and `server` until both directions ended (each end's EOF is passed
    /// on as a half-close) or nothing moved for `idle` milliseconds.
    static func relay(_ client: Int32, _ server: Int32, idle: Int32) {
        var open = [true, true]  // client → server, server → client
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while open[0] || open[1] {
            var entries = [
                pollfd(fd: open[0] ? client : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[1] ? server : -1, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, 2, idle)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return }
            for (index, (from, to)) in [(client, server), (server, client)].enumerated() where open[index] && entries[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
                if count < 0, errno == EINTR { continue }
                if count > 0, sendAll(Array(chunk[..<count]), to: to) { continue }
                open[index] = false
                _ = shutdown(to, Int32(SHUT_WR))
                if count < 0 || count > 0 { return }
            }
        }
    }
}

/// Why the proxy could not reach an allowed destination (answered 502).
struct ProxyConnectError: Error, Sendable {
    let reason: String
}
