/// The state of a circuit breaker, with the contract's names (`closed`, `open`, `half_open`).
package enum BreakerState: String, Sendable, Equatable, Codable {
    /// Calls go through.
    case closed
    /// Calls are refused until the open period ends.
    case open
    /// One trial call goes through; its outcome closes or re-opens the breaker.
    case halfOpen = "half_open"
}
