import EgressProxy
import Foundation
import NovaCore

extension NovaConfig {
    /// What the egress proxy lets internet jobs under Landlock reach; nil (no proxy, no network) with
    /// `SANDBOX_NETWORK=none`. Besides the forbidden kinds of address, it refuses nova's own services by the host names
    /// of `DATABASE_URL`, `REDIS_URL` and `RAG_SERVICE_URL` (in compose: `postgres`, `redis`, `nova-rag`) and by
    /// whatever those names resolve to.
    var egressPolicy: EgressPolicy? {
        guard sandboxNetwork == .internet else { return nil }
        var hosts: [String] = []
        if case .postgres(let url) = database { hosts.append(url.host) }
        if let redis { hosts.append(redis.host) }
        if let rag = ragServiceURL.flatMap({ URL(string: $0)?.host }) { hosts.append(rag) }
        return EgressPolicy(serviceHosts: hosts)
    }
}
