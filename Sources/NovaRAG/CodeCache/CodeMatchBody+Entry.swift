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
}
