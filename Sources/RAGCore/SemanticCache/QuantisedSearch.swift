/// One search of a ``VectorIndex``: a pass over the 8-bit codes of the segments searched, then Float32 scores for the
/// rows that can be among the best, so that the result is exactly that of a Float32 scan (same rows, same scores,
/// equal scores by lower row).
///
/// The pass keeps the ``candidateCount(limit:)`` best quantised scores and every visited row's quantised score. The
/// candidates' Float32 scores give a `limit`-th best score `S`; a row outside them can only reach `S` if its quantised
/// score is within the ``QuantisedScoreBound`` of it. So when the worst candidate is further than the bound below
/// `S` the candidates hold the answer; otherwise every row within the bound is scored in Float32 too.
struct QuantisedSearch {
    /// Every row's Float32 vector, row `r` at `r × dimension`.
    let floats: [Float]
    /// Length of every vector.
    let dimension: Int
    /// The query vector.
    let query: [Float]
    /// How many rows to return.
    let limit: Int

    /// Candidates kept by the first pass: four times the limit, at least 32.
    static func candidateCount(limit: Int) -> Int {
        max(4 * limit, 32)
    }

    /// The best `limit` rows of `segments`, best first; `bound` covers every row.
    func run(segments: [QuantisedSegment], bound: QuantisedScoreBound) -> [TopK.Candidate] {
        let total = segments.reduce(0) { $0 + $1.count }
        let quantisedQuery = query.withUnsafeBufferPointer { QuantisedVector($0) }
        guard total > Self.candidateCount(limit: limit), quantisedQuery.scale > 0 else { return exact(rows: segments.flatMap(\.rows)) }
        var firstPass = TopK(capacity: Self.candidateCount(limit: limit))
        let approximate = quantisedScores(segments: segments, total: total, query: quantisedQuery, keeping: &firstPass)
        let shortlist = firstPass.sorted()
        var best = TopK(capacity: limit)
        for candidate in shortlist { best.offer(row: candidate.row, score: exactScore(row: candidate.row)) }
        let found = best.sorted()
        let floor = found[found.count - 1].score - bound.value(for: quantisedQuery, dimension: dimension)
        guard shortlist[shortlist.count - 1].score >= floor else { return found }
        var widened = TopK(capacity: limit)
        var position = 0
        for segment in segments {
            for row in segment.rows {
                if approximate[position] >= floor { widened.offer(row: row, score: exactScore(row: row)) }
                position += 1
            }
        }
        return widened.sorted()
    }

    /// The Float32 scan of `rows`.
    func exact(rows: some Sequence<Int>) -> [TopK.Candidate] {
        var best = TopK(capacity: limit)
        for row in rows { best.offer(row: row, score: exactScore(row: row)) }
        return best.sorted()
    }

    /// Every slot's quantised score, segment after segment, each offered to `kept`.
    private func quantisedScores(segments: [QuantisedSegment], total: Int, query: QuantisedVector, keeping kept: inout TopK) -> [Float] {
        let widened = QuantisedDot.widenedQuery(query.codes)
        return [Float](unsafeUninitializedCapacity: total) { scores, initialized in
            widened.withUnsafeBytes { wanted in
                for segment in segments {
                    segment.codes.withUnsafeBytes { codes in
                        segment.scales.withUnsafeBufferPointer { scales in
                            segment.rows.withUnsafeBufferPointer { rows in
                                let length = segment.paddedLength
                                for slot in 0..<rows.count {
                                    let dot = QuantisedDot.dot(codes.baseAddress! + slot * length, wanted.baseAddress!, length: length)
                                    let score = Float(dot) * scales[slot] * query.scale
                                    scores[initialized] = score
                                    initialized += 1
                                    kept.offer(row: rows[slot], score: score)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func exactScore(row: Int) -> Float {
        query.withUnsafeBufferPointer { wanted in
            floats.withUnsafeBufferPointer { values in
                VectorMath.dot(wanted, UnsafeBufferPointer(rebasing: values[row * dimension..<(row + 1) * dimension]))
            }
        }
    }
}
