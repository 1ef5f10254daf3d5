import Synchronization

/// One ``TokenBucket`` per client identity (an API key's name, a peer address), `perMinute` tokens each, shared by
/// the requests of all connections; a table of more than 10,000 clients forgets the full buckets.
package final class ClientBuckets: Sendable {
    /// Tokens per bucket, refilled at this many per minute.
    package let perMinute: Int
    private let now: @Sendable () -> Double
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// Creates the table; `now` tells monotonic time in seconds (by default since the table was created).
    package init(perMinute: Int, now: (@Sendable () -> Double)? = nil) {
        self.perMinute = perMinute
        let origin = ContinuousClock.now
        self.now =
            now ?? {
                let elapsed = ContinuousClock.now - origin
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
    }

    /// Takes a token from `identity`'s bucket: nil when there was one, else the seconds until there will be.
    package func take(_ identity: String) -> Double? {
        update(identity) { $0.take(at: $1) }
    }

    /// The seconds until `identity`'s bucket has a token again, nil when it has one now; takes nothing.
    package func wait(_ identity: String) -> Double? {
        update(identity) { $0.wait(at: $1) }
    }

    private func update(_ identity: String, _ body: (inout TokenBucket, Double) -> Double?) -> Double? {
        let time = now()
        return buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { !$0.value.isFull(at: time) } }
            var bucket = buckets[identity] ?? TokenBucket(perMinute: perMinute, now: time)
            let wait = body(&bucket, time)
            buckets[identity] = bucket
            return wait
        }
    }
}

extension Double {
    /// A wait in seconds as a `Retry-After` value: whole seconds, at least 1.
    package var retryAfterSeconds: String {
        String(Swift.max(1, Int(rounded(.up))))
    }
}
