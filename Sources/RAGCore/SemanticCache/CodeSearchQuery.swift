/// A validated `/code/search` request.
package struct CodeSearchQuery: Sendable {
    /// The query text (a `Data Insights` section is dropped before embedding).
    package var text: String
    /// Minimum score, 0...1.
    package var threshold: Double
    /// Maximum matches, 1...20.
    package var topK: Int
    /// When set, only entries saved with this workflow id are candidates.
    package var workflowID: Int?
    /// The tolerated false-hit rate of the caller, which confirms candidates with a verifier: when set, candidates in
    /// conflict with the prompt guard are kept (marked) and every candidate is assessed against ``HitBound``.
    package var maxErrorRate: Double?

    /// Creates the query.
    package init(text: String, threshold: Double, topK: Int, workflowID: Int?, maxErrorRate: Double? = nil) {
        self.text = text
        self.threshold = threshold
        self.topK = topK
        self.workflowID = workflowID
        self.maxErrorRate = maxErrorRate
    }
}
