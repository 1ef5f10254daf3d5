import NIOCore

extension SocketAddress {
    /// Whether the peer is this machine: an IPv4 address of 127.0.0.0/8, `::1`, or an IPv4-mapped loopback address.
    package var isLoopback: Bool {
        guard let ip = ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }
}
