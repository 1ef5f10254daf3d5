/// The longest common subsequence of two word sequences, and the stretches of each between consecutive common words.
struct SequenceAlignment {
    /// Stretches of the first and the second sequence that stand between the same common words.
    private let gaps: [(query: [String], candidate: [String])]

    /// Aligns `query` with `candidate`.
    init(_ query: [String], _ candidate: [String]) {
        let rows = query.count, columns = candidate.count
        var lengths = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
        for row in stride(from: rows - 1, through: 0, by: -1) {
            for column in stride(from: columns - 1, through: 0, by: -1) {
                lengths[row][column] =
                    query[row] == candidate[column]
                    ? lengths[row + 1][column + 1] + 1 : max(lengths[row + 1][column], lengths[row][column + 1])
            }
        }
        var gaps: [(query: [String], candidate: [String])] = []
        var gap: (query: [String], candidate: [String]) = ([], [])
        var row = 0, column = 0
        while row < rows || column < columns {
            if row < rows, column < columns, query[row] == candidate[column] {
                gaps.append(gap)
                gap = ([], [])
                row += 1
                column += 1
            } else if column == columns || (row < rows && lengths[row + 1][column] >= lengths[row][column + 1]) {
                gap.query.append(query[row])
                row += 1
            } else {
                gap.candidate.append(candidate[column])
                column += 1
            }
        }
        gaps.append(gap)
        self.gaps = gaps
    }

    /// The first stretch where the query has words found only in `queryOnly` and the candidate, at the same place,
    /// words found only in `candidateOnly`: a word replaced by another rather than moved.
    func firstReplacement(onlyIn queryOnly: Set<String>, and candidateOnly: Set<String>) -> (query: [String], candidate: [String])? {
        for gap in gaps {
            let replaced = gap.query.filter(queryOnly.contains), replacing = gap.candidate.filter(candidateOnly.contains)
            if !replaced.isEmpty, !replacing.isEmpty { return (replaced, replacing) }
        }
        return nil
    }
}
