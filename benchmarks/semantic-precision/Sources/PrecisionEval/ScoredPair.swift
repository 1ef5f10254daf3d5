import NovaCore

/// A labelled pair with its cosine similarity and the guard's verdict.
struct ScoredPair {
    let pair: LabelledPair
    let cosine: Float
    let verdict: PromptGuardVerdict

    /// Whether cosine alone reuses the code at `threshold`.
    func cosineHit(at threshold: Float) -> Bool {
        cosine >= threshold
    }

    /// Whether cosine and the guard together reuse the code at `threshold`.
    func guardedHit(at threshold: Float) -> Bool {
        cosine >= threshold && verdict.isCompatible
    }

    /// The guard's reason, or "compatible".
    var reason: String {
        switch verdict {
        case .compatible: "compatible"
        case .conflict(let reason): reason
        }
    }
}
