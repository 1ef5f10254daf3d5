/// One lexical unit of a prompt, as produced by ``PromptTokenizer``.
enum PromptToken: Equatable, Sendable {
    /// A word, lowercased and without diacritics; `identifier` marks a lone capital letter such as the `B` of "column B".
    case word(String, identifier: Bool)
    /// A numeric literal, with thousands separators and `k`/`M` suffixes resolved.
    case number(Double)
    /// A comparison operator, arrow, currency sign or percent sign.
    case symbol(String)
    /// The text between quotes, lowercased.
    case literal(String)
    /// Punctuation that ends a clause.
    case boundary
}
