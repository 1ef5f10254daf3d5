#if canImport(Glibc)
    import Glibc
#endif

/// The host's own IPv4 addresses outside the loopback range, read from the interfaces at each call (addresses change).
///
/// A host service listening on all addresses is reachable through these from a slirp4netns sandbox, which
/// `--disable-host-loopback` does not cover; the sandbox makes them unreachable.
package enum HostAddresses {
    /// Every non-loopback IPv4 address of the host's interfaces, in dotted form, without duplicates.
    package static func ipv4() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let converted = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet4 in
                var raw = inet4.pointee.sin_addr
                return inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil
            }
            let dotted = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if converted, !dotted.hasPrefix("127."), !addresses.contains(dotted) { addresses.append(dotted) }
        }
        return addresses
    }
}
