#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 address the egress proxy resolved or was given, and which kinds of address node code may never
/// reach through it.
package struct EgressAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address in network order: 4 bytes (IPv4) or 16 (IPv6).
    package let bytes: [UInt8]

    /// The address of `text` (dotted IPv4 or IPv6, without brackets), nil when it is neither.
    package init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    /// The address in an IPv4 or IPv6 socket address, nil for another family.
    init?(socketAddress address: UnsafePointer<sockaddr>) {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) } }
        case AF_INET6:
            bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) } }
        default:
            return nil
        }
    }

    /// Dotted IPv4 or compressed IPv6.
    package var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var raw = bytes
        _ = inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, &raw, &text, socklen_t(text.count))
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Why node code may not reach this address (`loopback`, `private`, …), nil when it may. IPv6 addresses that
    /// carry an IPv4 address (mapped `::ffff:0:0/96`, NAT64 `64:ff9b::/96`) are judged by it.
    package var forbiddenKind: String? {
        bytes.count == 4 ? Self.ipv4Kind(bytes) : ipv6Kind
    }

    private static func ipv4Kind(_ b: [UInt8]) -> String? {
        switch (b[0], b[1]) {
        case (0, _): "unspecified"
        case (10, _), (172, 16...31), (192, 168): "private"
        case (100, 64...127): "carrier-grade NAT"
        case (127, _): "loopback"
        case (169, 254): b == [169, 254, 169, 254] ? "cloud metadata" : "link-local"
        case (224...239, _): "multicast"
        case (240...255, _): "reserved or broadcast"
        default: nil
        }
    }

    private var ipv6Kind: String? {
        let b = bytes
        let metadata: [UInt8] = [0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54]
        if b == metadata { return "cloud metadata" }
        if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xff, b[11] == 0xff { return Self.ipv4Kind(Array(b[12...])) }
        if b[0..<12] == [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] { return Self.ipv4Kind(Array(b[12...])) }
        if b[0..<15].allSatisfy({ $0 == 0 }) { return b[15] == 1 ? "loopback" : b[15] == 0 ? "unspecified" : "reserved" }
        if b[0] & 0xfe == 0xfc { return "unique local" }
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 { return "link-local" }
        if b[0] == 0xff { return "multicast" }
        return nil
    }

    /// A socket address for this address and `port`, for `connect`.
    func withSocketAddress<T>(port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        if bytes.count == 4 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: bytes) }
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = port.bigEndian
        withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }
}
