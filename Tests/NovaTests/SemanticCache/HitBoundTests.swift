import RAGCore
import Testing

/// The error-rate bound of the semantic cache (``HitBound``): its confidence bound, how an entry's and its
/// workflow's outcomes combine, and when a candidate is served without a confirmation.
@Suite("Semantic cache error-rate bound")
struct HitBoundTests {
    private static func evidence(_ outcomes: [(similarity: Double, correct: Bool)]) -> HitEvidence {
        outcomes.reduce(into: HitEvidence()) { $0.record(similarity: $1.similarity, correct: $1.correct) }
    }

    private static func correct(_ count: Int, at similarity: Double) -> [(similarity: Double, correct: Bool)] {
        Array(repeating: (similarity, true), count: count)
    }

    @Test("the Clopper–Pearson bound matches the binomial tail at 95 %")
    func clopperPearson() {
        #expect(abs(ErrorRateBound.upper(failures: 0, trials: 10, confidence: 0.95) - 0.258866) < 1e-5)
        #expect(abs(ErrorRateBound.upper(failures: 1, trials: 11, confidence: 0.95) - 0.364359) < 1e-5)
        #expect(abs(ErrorRateBound.upper(failures: 2, trials: 300, confidence: 0.95) - 0.020836) < 1e-5)
        #expect(ErrorRateBound.upper(failures: 0, trials: 148, confidence: 0.95) > 0.02)
        #expect(ErrorRateBound.upper(failures: 0, trials: 149, confidence: 0.95) < 0.02)
        #expect(ErrorRateBound.upper(failures: 0, trials: 0, confidence: 0.95) == 1)
        #expect(ErrorRateBound.upper(failures: 3, trials: 3, confidence: 0.95) == 1)
    }

    @Test("without any outcome a candidate is always confirmed")
    func nothingKnown() {
        let assessment = HitBound(maxErrorRate: 0.02).assess(similarity: 0.99, entry: HitEvidence(), workflow: HitEvidence())
        #expect(assessment.errorBound == 1)
        #expect(assessment.serveProbability == 0)
        #expect(assessment.decision(draw: 0) == .confirm)
    }

    @Test("a loose bound serves with probability δ / U, a confident one always")
    func exploration() {
        let bound = HitBound(maxErrorRate: 0.25)
        let loose = bound.assess(similarity: 0.9, entry: Self.evidence(Self.correct(10, at: 0.9)), workflow: Self.evidence(Self.correct(10, at: 0.9)))
        #expect(abs(loose.errorBound - 0.258866) < 1e-5)
        #expect(abs(loose.serveProbability - 0.25 / 0.258866) < 1e-4)
        #expect(loose.decision(draw: 0.95) == .serve)
        #expect(loose.decision(draw: 0.97) == .confirm)
        let confident = bound.assess(
            similarity: 0.9, entry: Self.evidence(Self.correct(11, at: 0.9)), workflow: Self.evidence(Self.correct(11, at: 0.9)))
        #expect(confident.errorBound < 0.25)
        #expect(confident.serveProbability == 1)
        #expect(abs(confident.confidence - (1 - confident.errorBound)) < 1e-12)
    }

    @Test("a new entry borrows its workflow's outcomes at or below its similarity; higher ones say nothing")
    func workflowPrior() {
        let bound = HitBound(maxErrorRate: 0.25)
        let others = Self.evidence(Self.correct(11, at: 0.95))
        #expect(bound.assess(similarity: 0.97, entry: HitEvidence(), workflow: others).serveProbability == 1)
        #expect(bound.assess(similarity: 0.90, entry: HitEvidence(), workflow: others).serveProbability == 0)
        let withNearMiss = others.adding(Self.evidence([(0.99, false)]))
        #expect(bound.assess(similarity: 0.97, entry: HitEvidence(), workflow: withNearMiss).serveProbability < 1)
    }

    @Test("an entry's own failure at or above the similarity makes it uncertain whatever its workflow says")
    func ownFailure() {
        let bound = HitBound(maxErrorRate: 0.25)
        let entry = Self.evidence(Self.correct(11, at: 0.9) + [(0.9, false)])
        let workflow = entry.adding(Self.evidence(Self.correct(500, at: 0.9)))
        let after = bound.assess(similarity: 0.9, entry: entry, workflow: workflow)
        #expect(abs(after.errorBound - ErrorRateBound.upper(failures: 1, trials: 12, confidence: 0.95)) < 1e-12)
        #expect(after.serveProbability == 0)
        let lowerFailure = Self.evidence(Self.correct(11, at: 0.95) + [(0.80, false)])
        #expect(bound.assess(similarity: 0.95, entry: lowerFailure, workflow: lowerFailure).serveProbability == 1)
    }

    @Test("outcome buckets are hundredths, clamped to 0...100")
    func buckets() {
        #expect(HitEvidence.bucket(of: 0.8549) == 85)
        #expect(HitEvidence.bucket(of: 1.2) == 100)
        #expect(HitEvidence.bucket(of: -0.1) == 0)
        let evidence = Self.evidence([(0.80, true), (0.90, true), (0.85, false), (0.70, false)])
        let support = evidence.support(at: 0.85)
        #expect(support.correct == 1 && support.incorrect == 1)
        let none = evidence.removing(evidence).support(at: 0.5)
        #expect(none.correct == 0 && none.incorrect == 0)
    }
}
