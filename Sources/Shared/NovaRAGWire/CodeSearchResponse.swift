/// `POST /code/search` answer (docs/api.md §2.7).
package struct CodeSearchResponse: Codable, Sendable {
    /// Matches, best first.
    package var matches: [CodeMatchBody]
    /// The request's query, unmodified.
    package var query: String
    /// `matches.count`.
    package var count: Int
    /// The request's threshold.
    package var threshold: Double
    /// Null unless the search failed (then `matches` is empty).
    package var error: String?
    /// Extension: what `score` means: always `cosine_similarity` — in [0, 1], higher is closer; never a distance.
    package var scoreType = "cosine_similarity"

    /// Creates the answer.
    package init(matches: [CodeMatchBody], query: String, threshold: Double, error: String?) {
        self.matches = matches
        self.query = query
        self.count = matches.count
        self.threshold = threshold
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case matches, query, count, threshold, error
        case scoreType = "score_type"
    }

    /// Encodes `error` as null when absent, as the contract shows it.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(matches, forKey: .matches)
        try container.encode(query, forKey: .query)
        try container.encode(count, forKey: .count)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(error, forKey: .error)
        try container.encode(scoreType, forKey: .scoreType)
    }
}
