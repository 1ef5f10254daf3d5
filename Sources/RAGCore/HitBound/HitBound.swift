import Foundation

/// The hit decision that keeps a tolerated false-hit rate (`SEMANTIC_CACHE_MAX_ERROR_RATE`), after vCache (Schroeder
/// et al., arXiv 2502.03771): each candidate is either served as it is or confirmed by the verifier (the model), from
/// verified outcomes of its entry and, as the prior of entries with little history, of its workflow.
///
/// For a candidate at similarity s, the outcomes that speak about s (``HitEvidence/support(at:)``) give an upper
/// confidence bound U on its error rate (``ErrorRateBound``, 95 %). An entry with an incorrect outcome of its own at or
/// above s is judged on its own outcomes alone and served only once U ≤ δ: a reported failure makes it uncertain again,
/// whatever its workflow says. Otherwise its outcomes are pooled with its workflow's, and the candidate is served with
/// probability min(1, δ / U) and confirmed otherwise — vCache's exploration probability, so that the error of a request
/// is at most (δ / U) · U = δ while the bound is still loose, and confirmation calls fall as outcomes tighten it.
/// Without any outcome the candidate is always confirmed.
package struct HitBound: Sendable, Equatable {
    /// The tolerated false-hit rate when none is set.
    package static let defaultMaxErrorRate = 0.02
    /// The confidence of the error bound.
    package static let confidence = 0.95
    /// The tolerated rates accepted: below 0.001 no bound could be reached in a cache's life, above 0.5 it is no bound.
    package static let maxErrorRates: ClosedRange<Double> = 0.001...0.5

    /// δ: the tolerated rate of served candidates that are wrong, in (0, 1).
    package let maxErrorRate: Double

    /// The decision keeping `maxErrorRate`.
    package init(maxErrorRate: Double) {
        self.maxErrorRate = maxErrorRate
    }

    /// Assesses a candidate at `similarity` from its entry's outcomes and its workflow's (which include the entry's).
    package func assess(similarity: Double, entry: HitEvidence, workflow: HitEvidence) -> HitAssessment {
        let own = entry.support(at: similarity)
        if own.incorrect > 0 {
            let bound = ErrorRateBound.upper(failures: own.incorrect, trials: own.correct + own.incorrect, confidence: Self.confidence)
            return HitAssessment(errorBound: bound, serveProbability: bound <= maxErrorRate ? 1 : 0)
        }
        let others = workflow.removing(entry).support(at: similarity)
        let trials = own.correct + others.correct + others.incorrect
        guard trials > 0 else { return HitAssessment(errorBound: 1, serveProbability: 0) }
        let bound = ErrorRateBound.upper(failures: others.incorrect, trials: trials, confidence: Self.confidence)
        return HitAssessment(errorBound: bound, serveProbability: min(1, maxErrorRate / bound))
    }
}

/// What ``HitBound`` makes of one candidate.
package struct HitAssessment: Sendable, Equatable {
    /// Upper confidence bound of the candidate's error rate, in [0, 1].
    package let errorBound: Double
    /// The probability of serving it without a confirmation, in [0, 1].
    package let serveProbability: Double

    /// Creates the assessment.
    package init(errorBound: Double, serveProbability: Double) {
        self.errorBound = errorBound
        self.serveProbability = serveProbability
    }

    /// The lower confidence bound of the candidate being correct, `1 − errorBound`.
    package var confidence: Double { 1 - errorBound }

    /// The decision for a uniform draw `draw` in [0, 1): serve when it falls below ``serveProbability``.
    package func decision(draw: Double) -> HitDecision {
        draw < serveProbability ? .serve : .confirm
    }
}

/// Whether a candidate runs as it is or is confirmed by the verifier first.
package enum HitDecision: String, Sendable, Equatable {
    /// Run without a confirmation.
    case serve
    /// Ask the verifier first.
    case confirm
}
