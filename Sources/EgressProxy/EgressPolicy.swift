/// Which destinations node code may reach through the egress proxy: the public internet, never loopback, private,
/// carrier-grade NAT, unique-local, link-local, cloud metadata, multicast, unspecified or reserved addresses
/// (``EgressAddress/forbiddenKind``), nor nova's own services (nova-rag, PostgreSQL, Redis: by name and by every
/// address their names resolve to at the time of the request), nor this machine's own addresses.
package struct EgressPolicy: Sendable {
    /// Host names of nova's own services (the hosts of `RAG_SERVICE_URL`, `DATABASE_URL` and `REDIS_URL`), lowercase.
    package var serviceHosts: Set<String>
    /// `host:port` destinations reachable whatever their addresses: only tests declare one (a local server standing in
    /// for the internet); nova never sets it and no setting reaches it.
    package var declaredReachable: Set<String>
    /// This machine's own addresses (read at each request; they change).
    package var ownAddresses: @Sendable () -> [EgressAddress]

    /// A policy that refuses `serviceHosts` besides the forbidden kinds of address.
    package init(
        serviceHosts: [String], declaredReachable: Set<String> = [],
        ownAddresses: @escaping @Sendable () -> [EgressAddress] = { OwnAddresses.all() }
    ) {
        self.serviceHosts = Set(serviceHosts.map { $0.lowercased() })
        self.declaredReachable = declaredReachable
        self.ownAddresses = ownAddresses
    }

    /// The decision for `host` (lowercase, an IP literal or a name) and `port`, resolving names with `resolver`.
    func verdict(host: String, port: UInt16, resolver: any EgressResolver) -> EgressVerdict {
        if serviceHosts.contains(host) { return .refused("\(host) is one of nova's own services") }
        let literal = EgressAddress(host)
        let addresses: [EgressAddress]
        if let literal {
            addresses = [literal]
        } else {
            do {
                addresses = try resolver.addresses(of: host)
            } catch {
                return .unreachable("\(host) cannot be resolved: \(error.reason)")
            }
            guard !addresses.isEmpty else { return .unreachable("\(host) has no address") }
        }
        if declaredReachable.contains("\(host):\(port)") { return .allowed(addresses) }
        let named = literal == nil ? "\(host) resolves to " : ""
        for address in addresses {
            if let kind = address.forbiddenKind { return .refused("\(named)\(address), a \(kind) address") }
        }
        let own = ownAddresses()
        if let address = addresses.first(where: own.contains) { return .refused("\(named)\(address), an address of this machine") }
        for service in serviceHosts {
            let serviceAddresses = (try? resolver.addresses(of: service)) ?? []
            if let address = addresses.first(where: serviceAddresses.contains) {
                return .refused("\(named)\(address), an address of nova's service \(service)")
            }
        }
        return .allowed(addresses)
    }
}

/// What the proxy does with a request.
enum EgressVerdict: Sendable, Equatable {
    /// Connect to these addresses (the ones checked), in order.
    case allowed([EgressAddress])
    /// Refused by the policy (403), for this reason.
    case refused(String)
    /// The name cannot be resolved (502), for this reason.
    case unreachable(String)
}
