import Foundation

/// Verified outcomes of semantic-cache candidates (the model's verdicts and failures of reused code), counted per
/// similarity bucket of width 0.01, for one entry or pooled over a workflow. ``HitBound`` reads them assuming, as
/// vCache's sigmoid does, that a candidate is no less likely to be correct at a higher similarity: a correct outcome
/// at or below a similarity and an incorrect one at or above it are the evidence about that similarity.
package struct HitEvidence: Sendable, Equatable {
    /// Correct outcomes by bucket.
    package private(set) var correct: [Int: Int] = [:]
    /// Incorrect outcomes by bucket.
    package private(set) var incorrect: [Int: Int] = [:]

    /// No outcomes.
    package init() {}

    /// The bucket of `similarity`: its hundredths, 0...100.
    package static func bucket(of similarity: Double) -> Int {
        min(100, max(0, Int((similarity * 100).rounded(.down))))
    }

    /// Adds counts to one bucket.
    package mutating func add(bucket: Int, correct: Int, incorrect: Int) {
        if correct != 0 { self.correct[bucket, default: 0] += correct }
        if incorrect != 0 { self.incorrect[bucket, default: 0] += incorrect }
    }

    /// Adds one outcome at `similarity`.
    package mutating func record(similarity: Double, correct: Bool) {
        add(bucket: Self.bucket(of: similarity), correct: correct ? 1 : 0, incorrect: correct ? 0 : 1)
    }

    /// These outcomes and `other`'s together.
    package func adding(_ other: HitEvidence) -> HitEvidence {
        var sum = self
        for (bucket, count) in other.correct { sum.correct[bucket, default: 0] += count }
        for (bucket, count) in other.incorrect { sum.incorrect[bucket, default: 0] += count }
        return sum
    }

    /// These outcomes without `other`'s (a workflow's outcomes without those of one of its entries).
    package func removing(_ other: HitEvidence) -> HitEvidence {
        var rest = self
        for (bucket, count) in other.correct { rest.correct[bucket, default: 0] -= count }
        for (bucket, count) in other.incorrect { rest.incorrect[bucket, default: 0] -= count }
        return rest
    }

    /// What speaks about `similarity`: correct outcomes at or below its bucket, incorrect ones at or above it.
    package func support(at similarity: Double) -> (correct: Int, incorrect: Int) {
        let bucket = Self.bucket(of: similarity)
        return (
            correct.reduce(0) { $0 + ($1.key <= bucket ? max(0, $1.value) : 0) },
            incorrect.reduce(0) { $0 + ($1.key >= bucket ? max(0, $1.value) : 0) }
        )
    }
}
