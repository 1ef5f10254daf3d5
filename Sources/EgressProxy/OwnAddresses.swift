#if canImport(Glibc)
    import Glibc
#endif

/// This machine's own addresses, IPv4 and IPv6, read from its interfaces: a service listening on all addresses is
/// reachable through any of them, so the egress proxy refuses them all.
package enum OwnAddresses {
    /// Every address of every interface, without duplicates.
    package static func all() -> [EgressAddress] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var found: [EgressAddress] = []
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr else { continue }
            guard let own = EgressAddress(socketAddress: address) else { continue }
            if !found.contains(own) { found.append(own) }
        }
        return found
    }
}
