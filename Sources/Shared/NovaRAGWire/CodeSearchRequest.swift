/// `POST /code/search` body (docs/api.md §2.7) as nova sends it.
package struct CodeSearchRequest: Codable, Sendable, Equatable {
    /// The search text (`Prompt: …\n\nInput Schema:\n…`).
    package var query: String
    /// Minimum score.
    package var threshold: Double
    /// Maximum matches.
    package var topK: Int
    /// Schema keys plus credential flags; not a filter on the server.
    package var availableKeys: [String]?
    /// Isolation key.
    package var workflowID: Int?
    /// Extension: the caller's tolerated false-hit rate; set by a caller that confirms candidates with a model, so that
    /// each match comes with `confidence`, `decision` and, instead of being dropped, `guard_conflict`.
    package var maxErrorRate: Double?

    /// Creates the body.
    package init(query: String, threshold: Double, topK: Int, availableKeys: [String]?, workflowID: Int?, maxErrorRate: Double? = nil) {
        self.query = query
        self.threshold = threshold
        self.topK = topK
        self.availableKeys = availableKeys
        self.workflowID = workflowID
        self.maxErrorRate = maxErrorRate
    }

    enum CodingKeys: String, CodingKey {
        case query, threshold
        case topK = "top_k"
        case availableKeys = "available_keys"
        case workflowID = "workflow_id"
        case maxErrorRate = "max_error_rate"
    }
}
