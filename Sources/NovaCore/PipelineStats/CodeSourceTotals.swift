/// Running totals of prompt nodes by code source (`/metrics` and `/cache/stats` `code_sources`).
package struct CodeSourceTotals: Sendable, Equatable {
    /// Sums of the events of one source.
    package struct Counts: Sendable, Equatable {
        /// Prompt nodes.
        package var nodes = 0
        /// Prompt tokens spent.
        package var tokensInput = 0
        /// Completion tokens spent.
        package var tokensOutput = 0
        /// USD spent.
        package var costUSD = 0.0
        /// Tokens of avoided generations.
        package var tokensSaved = 0
        /// USD of avoided generations.
        package var costSavedUSD = 0.0

        /// Creates the sums.
        package init(nodes: Int = 0, tokensInput: Int = 0, tokensOutput: Int = 0, costUSD: Double = 0, tokensSaved: Int = 0, costSavedUSD: Double = 0)
        {
            self.nodes = nodes
            self.tokensInput = tokensInput
            self.tokensOutput = tokensOutput
            self.costUSD = costUSD
            self.tokensSaved = tokensSaved
            self.costSavedUSD = costSavedUSD
        }

        /// These sums with `event` added.
        package func adding(_ event: CodeSourceEvent) -> Counts {
            Counts(
                nodes: nodes + 1, tokensInput: tokensInput + event.tokensInput, tokensOutput: tokensOutput + event.tokensOutput,
                costUSD: costUSD + event.costUSD, tokensSaved: tokensSaved + event.tokensSaved, costSavedUSD: costSavedUSD + event.costSavedUSD)
        }
    }

    /// Sums per source; a source never seen is absent.
    package var bySource: [CodeSource: Counts]

    /// Creates the totals.
    package init(bySource: [CodeSource: Counts] = [:]) {
        self.bySource = bySource
    }

    /// Sums of `source`, zero when never seen.
    package func counts(_ source: CodeSource) -> Counts {
        bySource[source] ?? Counts()
    }

    /// Prompt nodes of every source.
    package var nodes: Int { bySource.values.map(\.nodes).reduce(0, +) }

    /// Share of prompt nodes `source` served, in [0, 1]; 0 when there were none.
    package func rate(_ source: CodeSource) -> Double {
        nodes == 0 ? 0 : Double(counts(source).nodes) / Double(nodes)
    }

    /// Nodes a cache served: generations avoided.
    package var generationsAvoided: Int { counts(.exactHit).nodes + counts(.semanticHit).nodes }

    /// Share of prompt nodes a cache served, in [0, 1].
    package var hitRate: Double { nodes == 0 ? 0 : Double(generationsAvoided) / Double(nodes) }

    /// Tokens of the generations hits avoided.
    package var tokensSaved: Int { bySource.values.map(\.tokensSaved).reduce(0, +) }

    /// USD of the generations hits avoided.
    package var costSavedUSD: Double { bySource.values.map(\.costSavedUSD).reduce(0, +) }

    /// Tokens spent on LLM calls.
    package var tokensSpent: Int { bySource.values.map { $0.tokensInput + $0.tokensOutput }.reduce(0, +) }

    /// USD spent on LLM calls.
    package var costSpentUSD: Double { bySource.values.map(\.costUSD).reduce(0, +) }
}
