import NovaCore
import PromptGuard

/// A labelled pair with its cosine similarity, the guard's verdict and, when a model was asked, its confirmation.
struct ScoredPair {
    let pair: LabelledPair
    let cosine: Float
    let verdict: PromptGuardVerdict
    /// What the model said of a pair that cosine and the guard reuse at the default threshold; nil when not asked.
    var confirmed: Bool?

    /// Whether cosine alone reuses the code at `threshold`.
    func cosineHit(at threshold: Float) -> Bool {
        cosine >= threshold
    }

    /// Whether cosine and the guard together reuse the code at `threshold`.
    func guardedHit(at threshold: Float) -> Bool {
        cosine >= threshold && verdict.isCompatible
    }

    /// Whether cosine, the guard and the model's confirmation together reuse the code at `threshold` (a pair the
    /// model was not asked about counts as confirmed, as nova counts a failed call).
    func confirmedHit(at threshold: Float) -> Bool {
        guardedHit(at: threshold) && confirmed != false
    }

    /// The guard's reason, or "compatible".
    var reason: String {
        switch verdict {
        case .compatible: "compatible"
        case .conflict(let reason): reason
        }
    }
}
