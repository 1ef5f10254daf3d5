/// A token bucket: `capacity` tokens, refilled continuously at `capacity` per minute.
package struct TokenBucket: Sendable {
    package let capacity: Double
    package private(set) var tokens: Double
    private var updated: Double

    /// A full bucket at time `now` (seconds).
    package init(perMinute: Int, now: Double) {
        capacity = Double(perMinute)
        tokens = capacity
        updated = now
    }

    /// Takes one token at `now`; nil when one was available, else the seconds until one will be.
    package mutating func take(at now: Double) -> Double? {
        refill(at: now)
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        return (1 - tokens) * 60 / capacity
    }

    /// At `now`, nil when a token is available (none is taken), else the seconds until one will be.
    package mutating func wait(at now: Double) -> Double? {
        refill(at: now)
        return tokens < 1 ? (1 - tokens) * 60 / capacity : nil
    }

    /// Whether the bucket would be full at `now` (so forgetting it changes nothing).
    package func isFull(at now: Double) -> Bool {
        tokens + max(0, now - updated) * capacity / 60 >= capacity
    }

    private mutating func refill(at now: Double) {
        tokens = min(capacity, tokens + max(0, now - updated) * capacity / 60)
        updated = now
    }
}
