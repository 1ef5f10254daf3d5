#if canImport(Glibc)
    import Glibc
#endif

/// Turns a host name into the addresses the egress proxy checks and then connects to (it never lets the client or a
/// second lookup choose the address, so a name cannot rebind between check and connection).
package protocol EgressResolver: Sendable {
    /// The addresses of `host`; empty when it has none. Throws ``EgressResolutionError`` when the lookup fails.
    func addresses(of host: String) throws(EgressResolutionError) -> [EgressAddress]
}

/// A failed name lookup, with the resolver's message.
package struct EgressResolutionError: Error, Sendable {
    /// What the resolver said.
    package let reason: String
}

/// The system's resolver (`getaddrinfo`: `/etc/hosts`, then DNS), TCP addresses only.
package struct SystemEgressResolver: EgressResolver {
    /// Creates the resolver.
    package init() {}

    package func addresses(of host: String) throws(EgressResolutionError) -> [EgressAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else { throw EgressResolutionError(reason: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var found: [EgressAddress] = []
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ai_next }
            guard let address = current.pointee.ai_addr else { continue }
            guard let resolved = EgressAddress(socketAddress: address) else { continue }
            if !found.contains(resolved) { found.append(resolved) }
        }
        return found
    }
}
