import NovaJSON

/// The one text that nova sends to both `/code/save` and `/code/search`, and nova-rag embeds (docs/api.md §2.8, D5):
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

    /// The prompt part of a search text (after `Prompt: `, before the schema block), or the whole text.
    package static func prompt(of text: String) -> String {
        var body = Substring(normalisedQuery(text))
        if body.hasPrefix("Prompt: ") { body = body.dropFirst("Prompt: ".count) }
        if let range = body.range(of: "\n\nInput Schema:") { body = body[..<range.lowerBound] }
        return String(body)
    }
}
