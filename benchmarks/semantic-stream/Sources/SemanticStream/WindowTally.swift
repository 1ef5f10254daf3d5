import Foundation

/// What one decision did over a window of requests.
struct WindowTally {
    var requests = 0
    var paraphrases = 0
    var paraphraseHits = 0
    var hits = 0
    var falseHits = 0
    var confirmations = 0

    /// Counts one request: whether it was a paraphrase, whether cached code ran, whether the verifier was asked.
    mutating func add(same: Bool, hit: Bool, confirmed: Bool) {
        requests += 1
        paraphrases += same ? 1 : 0
        paraphraseHits += same && hit ? 1 : 0
        hits += hit ? 1 : 0
        falseHits += hit && !same ? 1 : 0
        confirmations += confirmed ? 1 : 0
    }

    /// This window's counts and `other`'s together.
    func merging(_ other: WindowTally) -> WindowTally {
        WindowTally(
            requests: requests + other.requests, paraphrases: paraphrases + other.paraphrases, paraphraseHits: paraphraseHits + other.paraphraseHits,
            hits: hits + other.hits, falseHits: falseHits + other.falseHits, confirmations: confirmations + other.confirmations)
    }

    /// False hits per request (the rate the bound is about).
    var falseHitRate: Double { requests == 0 ? 0 : Double(falseHits) / Double(requests) }
    /// Paraphrases served cached code, of all paraphrases.
    var hitRate: Double { paraphrases == 0 ? 0 : Double(paraphraseHits) / Double(paraphrases) }
}
