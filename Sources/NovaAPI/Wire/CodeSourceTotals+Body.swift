import NovaCore
import Shared

extension CodeSourceStatsBody {
    /// The wire form of `totals`, every source listed (zero when never seen).
    init(_ totals: CodeSourceTotals) {
        var bySource: [String: Source] = [:]
        for source in CodeSource.allCases {
            let counts = totals.counts(source)
            bySource[source.rawValue] = Source(
                nodes: counts.nodes, rate: totals.rate(source), tokensInput: counts.tokensInput, tokensOutput: counts.tokensOutput,
                costUsd: counts.costUSD, tokensSaved: counts.tokensSaved, costSavedUsd: counts.costSavedUSD)
        }
        self.init(
            totalPromptNodes: totals.nodes, generationsAvoided: totals.generationsAvoided, hitRate: totals.hitRate, tokensSaved: totals.tokensSaved,
            costSavedUsd: totals.costSavedUSD, tokensSpent: totals.tokensSpent, costSpentUsd: totals.costSpentUSD, bySource: bySource)
    }
}
