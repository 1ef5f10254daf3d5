import Foundation

/// Where a prompt node's code came from (`ai_metadata.code_source`), or `failed` when no code produced valid output.
package enum CodeSource: String, Sendable, CaseIterable, Hashable {
    /// The exact cache served it.
    case exactHit = "exact_hit"
    /// The semantic cache in nova-rag served it.
    case semanticHit = "semantic_hit"
    /// The LLM wrote it.
    case generated
    /// Nothing produced valid output; the node failed.
    case failed

    /// Whether a cache served the node, so no generation was needed.
    package var isHit: Bool { self == .exactHit || self == .semanticHit }
}

/// What one prompt node cost and saved: tokens and cost spent on LLM calls, and — for a cache hit — the recorded
/// tokens and cost of the generation the hit avoided (docs/api.md D32: savings are the original generation's cost).
package struct CodeSourceEvent: Sendable, Equatable {
    /// Where the code came from.
    package var source: CodeSource
    /// Prompt tokens spent by this node.
    package var tokensInput: Int
    /// Completion tokens spent by this node.
    package var tokensOutput: Int
    /// USD spent by this node (0 when unknown).
    package var costUSD: Double
    /// Tokens of the avoided generation (0 when unknown or not a hit).
    package var tokensSaved: Int
    /// USD of the avoided generation (0 when unknown or not a hit).
    package var costSavedUSD: Double
    /// When the node finished; its UTC day files the event in the daily history.
    package var recordedAt: Date

    /// Creates the event.
    package init(
        source: CodeSource, tokensInput: Int = 0, tokensOutput: Int = 0, costUSD: Double = 0, tokensSaved: Int = 0, costSavedUSD: Double = 0,
        recordedAt: Date = Date()
    ) {
        self.recordedAt = recordedAt
        self.source = source
        self.tokensInput = tokensInput
        self.tokensOutput = tokensOutput
        self.costUSD = costUSD
        self.tokensSaved = tokensSaved
        self.costSavedUSD = costSavedUSD
    }
}

extension CodeSourceEvent {
    /// The UTC day of ``recordedAt``, in days since 1970-01-01.
    package var day: Int { Int((recordedAt.timeIntervalSince1970 / 86_400).rounded(.down)) }
}
