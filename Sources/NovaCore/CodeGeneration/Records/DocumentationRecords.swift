/// A documentation chunk a generation was given (`doc_chunks`).
struct CitedDocChunk: Encodable {
    let id: String
    let source: String
    let file: String
    let score: Double
}

/// The documentation query of a generation (`documentation_search`): how many chunks were asked for, how long it
/// took, and why it failed (absent when it did not).
struct DocumentationSearch: Encodable {
    let topK: Int
    let error: String?
    let timeMs: Double

    enum CodingKeys: String, CodingKey {
        case error
        case topK = "top_k"
        case timeMs = "time_ms"
    }
}

/// The documentation search as a tool call (docs/api.md §3.5 `tool_calls`) of the first `code_generation` step and of
/// `code_generation.tool_calls`.
struct DocumentationCall: Encodable {
    let function = "search_documentation"
    let arguments: Arguments
    /// The ids of the chunks found, comma-separated.
    let resultPreview: String

    /// The query and how many chunks it asked for.
    struct Arguments: Encodable {
        let query: String
        let topK: Int

        enum CodingKeys: String, CodingKey {
            case query
            case topK = "top_k"
        }
    }

    enum CodingKeys: String, CodingKey {
        case function, arguments
        case resultPreview = "result_preview"
    }
}
