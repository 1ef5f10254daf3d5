/// The outcome of comparing a stored entry's prompt with a new prompt beyond their cosine similarity.
package enum PromptGuardVerdict: Sendable, Equatable {
    /// Nothing in the two prompts contradicts each other: the stored code may be reused.
    case compatible
    /// The prompts ask for different things; the reason starts with the kind of conflict
    /// (`number`, `currency`, `direction`, `comparison`, `operation`, `field`, `negation`, `term`)
    /// followed by the two conflicting values, e.g. `number 1000 vs 5000`.
    case conflict(String)

    /// Whether the stored code may be reused.
    package var isCompatible: Bool { self == .compatible }
}
