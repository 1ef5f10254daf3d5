import NovaCore
import RAGCore
import Shared

extension CodeMatchBody {
    /// The wire form of a stored entry, with its search score when it comes from a search.
    init(entry: CodeEntry, score: Double?) {
        self.init(
            id: entry.id, code: entry.code, score: score, nodeAction: entry.nodeAction.isEmpty ? "unknown" : entry.nodeAction,
            nodeDescription: entry.nodeDescription, inputSchema: entry.inputSchema, insights: entry.insights, config: entry.config,
            metadata: entry.metadata)
    }

    /// The wire form of a search match, with its assessment when the search had a tolerated error rate.
    init(match: CodeMatch) {
        self.init(entry: match.entry, score: match.score)
        confidence = match.assessment.map { ($0.confidence * 10_000).rounded() / 10_000 }
        decision = match.decision?.rawValue
        guardConflict = match.guardConflict
    }
}
