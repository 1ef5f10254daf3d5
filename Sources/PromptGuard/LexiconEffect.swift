/// What a word or phrase of the ``PromptLexicon`` contributes to a ``PromptAnalysis``.
enum LexiconEffect: Hashable, Sendable {
    /// A content word, by its canonical synonym.
    case term(String)
    /// A value on a contrast dimension.
    case contrast(ContrastDimension, String)
    /// A negation ("not", "without", "un-").
    case negation
    /// A currency, by ISO code.
    case currency(String)
    /// A number implied by a word ("negative" implies 0, "week" 7 days); a weak number only confirms the other
    /// prompt's.
    case number(Double, weak: Bool)
    /// Starts the source span of a "from … to …" phrase.
    case from
    /// Starts the target span of a "from … to …" phrase.
    case to
    /// Starts the source span of a "replace … with …" phrase: the next "with" or "by" starts its target span.
    case replacement
}
