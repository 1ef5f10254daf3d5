/// A token bucket: `capacity` tokens, refilled continuously at `capacity` per minute.
struct TokenBucket: Sendable {
    let capacity: Double
    private(set) var tokens: Double
    private var updated: Double

    /// A full bucket at time `now` (seconds).
    init(perMinute: Int, now: Double) {
        capacity = Double(perMinute)
        tokens = capacity
        updated = now
    }

    /// Takes one token at `now`; nil when one was available, else the seconds until one will be.
    mutating func take(at now: Double) -> Double? {
        tokens = min(capacity, tokens + max(0, now - updated) * capacity / 60)
        updated = now
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        return (1 - tokens) * 60 / capacity
    }

    /// Whether the bucket would be full at `now` (so forgetting it changes nothing).
    func isFull(at now: Double) -> Bool {
        tokens + max(0, now - updated) * capacity / 60 >= capacity
    }
}
