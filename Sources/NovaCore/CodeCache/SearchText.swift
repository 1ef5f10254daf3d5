import NovaJSON

/// The one text that both `/code/save` and `/code/search` embed (docs/api.md §2.8, D5):
///
/// ```
/// Prompt: <prompt>
///
/// Input Schema:
/// <input schema as canonical JSON, {} when empty>
/// ```
package enum SearchText {
    /// The marker of a run-dependent section that old clients appended to queries; it and what follows are dropped.
    package static let insightsMarker = "\n\nData Insights:\n"

    /// The search text of a prompt and its input schema.
    package static func make(prompt: String, inputSchema: [String: JSONValue]) -> String {
        "Prompt: \(prompt)\n\nInput Schema:\n\(CanonicalJSON.pretty(.object(inputSchema)))"
    }

    /// A query as received, without any `Data Insights` section.
    package static func normalisedQuery(_ query: String) -> String {
        guard let range = query.range(of: insightsMarker) else { return query }
        return String(query[..<range.lowerBound])
    }

    /// What the embedder reads for a search text, recorded with the store's vectors (``EmbeddingModelInfo/text``).
    /// Its version changes whenever that text changes (2: month abbreviations, Spanish "leído", numbers in several
    /// words; 3: the search text as written follows the canonical reading), so that a store embedded before is
    /// re-embedded once.
    package static let embeddedForm = "canonical-then-original-3"
    /// What stores written before ``embeddedForm`` existed embedded: the search text itself.
    package static let legacyEmbeddedForm = "search-text"

    /// The text embedded for a search text, on save and on search alike: its canonical reading (``canonical(_:)``), then
    /// the search text as written. The canonical reading brings paraphrases together; the words as written keep what
    /// the closed word lists do not know. On the labelled pairs this raised the share of paraphrases above the default
    /// threshold from 0.919 to 0.939, precision after the guard from 0.979 to 0.981 (benchmarks/semantic-precision).
    package static func embedded(_ searchText: String) -> String {
        embedded(searchText, canonicalPrompt: guardReading(of: searchText))
    }

    /// ``embedded(_:)`` with the prompt's canonical form already read (a search reads its prompt once, for this and
    /// for the guard).
    package static func embedded(_ searchText: String, canonicalPrompt: String) -> String {
        let text = normalisedQuery(searchText)
        return canonical(normalised: text, canonicalPrompt: canonicalPrompt) + "\n\n" + text
    }

    /// The canonical reading of a search text: the prompt as ``PromptGuard`` reads it (synonyms as one canonical term,
    /// stop words dropped, contrast values, identifiers, literals and numbers kept), then the input schema block as it is.
    package static func canonical(_ searchText: String) -> String {
        canonical(normalised: normalisedQuery(searchText), canonicalPrompt: guardReading(of: searchText))
    }

    /// The prompt of a search text as ``PromptGuard`` reads it.
    private static func guardReading(of searchText: String) -> String {
        PromptGuard().canonicalText(of: prompt(of: searchText))
    }

    /// ``canonical(_:)`` of a search text already without its insights section, its prompt already read.
    private static func canonical(normalised text: String, canonicalPrompt: String) -> String {
        let reading = canonicalPrompt.isEmpty ? prompt(of: text) : canonicalPrompt
        let label = text.hasPrefix("Prompt: ") ? "Prompt: " : ""
        let schema = text.range(of: "\n\nInput Schema:").map { text[$0.lowerBound...] } ?? ""
        return label + reading + schema
    }

    /// The prompt part of a search text (after `Prompt: `, before the schema block), or the whole text.
    package static func prompt(of text: String) -> String {
        var body = Substring(normalisedQuery(text))
        if body.hasPrefix("Prompt: ") { body = body.dropFirst("Prompt: ".count) }
        if let range = body.range(of: "\n\nInput Schema:") { body = body[..<range.lowerBound] }
        return String(body)
    }
}
