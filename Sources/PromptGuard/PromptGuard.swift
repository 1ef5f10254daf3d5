/// Decides whether a stored entry's prompt asks for the same thing as a new prompt, beyond cosine similarity.
///
/// Sentence embeddings place near-miss prompts ("> 1000" / "> 5000", "EUR to USD" / "USD to EUR", "invoice total" /
/// "invoice date", "insert" / "delete") above any useful cosine threshold. The guard reads both prompts with closed
/// English and Spanish word lists and reports a conflict when they disagree on a number, a currency or its order,
/// a "from … to …" or "replace … with …" direction, what follows "from" in one and "to" in the other, a name with
/// digits, a column letter or quoted literal, a value of a contrast dimension (sort order, first/last,
/// maximum/minimum, comparison operator, aggregate, data action, calendar period, …), a ranking by position against
/// one by value, a negation, a qualifier such as "distinct" on one side only, members of an exclusive class (sender /
/// recipient, customer / supplier, invoice / receipt, …) that each names and the other does not, or when they are the
/// same request with one content word swapped in place for another that is not a known synonym (a swap of general
/// verbs or linking words alone, such as "named" / "called", or of one prompt's leading verb for a word inside the
/// other, is rewording).
package struct PromptGuard: Sendable {
    private let lexicon: PromptLexicon

    /// A guard using the built-in word lists.
    package init() {
        lexicon = .shared
    }

    /// The prompt as the guard reads it: canonical terms in order, then identifiers, literals, currencies, numbers.
    package func canonicalText(of prompt: String) -> String {
        prepare(prompt).canonicalText
    }

    /// Compares the new prompt (`query`) with the prompt of a stored entry (`candidate`).
    package func check(query: String, candidate: String) -> PromptGuardVerdict {
        prepare(query).check(candidate: prepare(candidate))
    }

    /// The prompt read once: a search's prompt, compared with several candidates and embedded in its canonical form,
    /// or a stored entry's prompt, compared with every search that finds the entry.
    package func prepare(_ prompt: String) -> PreparedPrompt {
        PreparedPrompt(analysis: PromptAnalysis(prompt, lexicon: lexicon))
    }

    /// A prompt as the guard read it.
    package struct PreparedPrompt: Sendable {
        fileprivate let analysis: PromptAnalysis

        /// See ``PromptGuard/canonicalText(of:)``.
        package var canonicalText: String { analysis.canonicalText }

        /// Compares this prompt (the new one) with the prompt of a stored entry (`candidate`).
        package func check(candidate: PreparedPrompt) -> PromptGuardVerdict {
            let comparison = PromptComparison(query: analysis, candidate: candidate.analysis)
            return comparison.conflict().map(PromptGuardVerdict.conflict) ?? .compatible
        }
    }
}
