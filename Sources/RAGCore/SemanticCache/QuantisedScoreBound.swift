/// How far a quantised score can be from the Float32 score, for one query against any row of an index.
///
/// With row `a = â + eₐ` and query `q = q̂ + e_q` (`â`, `q̂` what the codes represent), `a·q − â·q̂ = â·e_q + eₐ·q`,
/// so by Cauchy–Schwarz `|a·q − â·q̂| ≤ ‖â‖‖e_q‖ + ‖eₐ‖‖q‖`, with the rows' largest norms. A margin of
/// `(dimension + 8)` Float32 epsilons times `‖a‖‖q‖` covers the rounding of the Float32 scores and of this sum.
struct QuantisedScoreBound {
    /// The largest ``QuantisedVector/representedNorm`` of any row stored since the index was created (never lowered by
    /// a removal, so an upper bound for the rows present).
    private(set) var largestRepresentedNorm: Float = 0
    /// The largest ``QuantisedVector/errorNorm`` of any row stored since the index was created, an upper bound like
    /// the one above.
    private(set) var largestErrorNorm: Float = 0

    /// Takes a stored row's norms into account.
    mutating func include(_ row: QuantisedVector) {
        largestRepresentedNorm = max(largestRepresentedNorm, row.representedNorm)
        largestErrorNorm = max(largestErrorNorm, row.errorNorm)
    }

    /// The bound, in score units, for `query` (quantised) against any row, of vectors `dimension` long.
    func value(for query: QuantisedVector, dimension: Int) -> Float {
        let queryNorm = query.representedNorm + query.errorNorm
        let rowNorm = largestRepresentedNorm + largestErrorNorm
        let rounding = Float(dimension + 8) * Float.ulpOfOne * rowNorm * queryNorm
        return largestRepresentedNorm * query.errorNorm + largestErrorNorm * queryNorm + rounding
    }
}
