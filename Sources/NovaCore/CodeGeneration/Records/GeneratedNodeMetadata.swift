import NovaJSON

/// `ai_metadata` of a node whose generated code passed (docs/api.md §4.6); the ledger's ``GenerationFindings`` and
/// the node's ``NodeSummary`` (source, attempts, model, tokens, cost) are added to it.
struct GeneratedNodeMetadata: Encodable {
    let generatedCode: String
    let errors: [GenerationError]
    let codeGeneration: CodeGeneration
    let totalTimeMs: Double
    /// The sandbox output of the run that passed (``CodeRun/executionMetadata``).
    let executionMetadata: JSONValue
    let cacheMetadata: CacheMetadata
    /// The semantic lookup that found nothing usable; absent when the semantic cache is off.
    let semanticCacheSearch: JSONValue?

    /// The code, and the model and tools that wrote it.
    struct CodeGeneration: Encodable {
        let code: String
        let model: String
        let provider: String
        let toolCalls: [DocumentationCall]

        enum CodingKeys: String, CodingKey {
            case code, model, provider
            case toolCalls = "tool_calls"
        }
    }

    /// Whether the code was saved to the caches, under which exact key (null when the node has no key).
    struct CacheMetadata: Encodable {
        let cacheHit = false
        @NullEncoded var cacheKey: String?
        let savedForFuture: Bool

        enum CodingKeys: String, CodingKey {
            case cacheHit = "cache_hit"
            case cacheKey = "cache_key"
            case savedForFuture = "saved_for_future"
        }
    }

    enum CodingKeys: String, CodingKey {
        case errors
        case generatedCode = "generated_code"
        case codeGeneration = "code_generation"
        case totalTimeMs = "total_time_ms"
        case executionMetadata = "_execution_metadata"
        case cacheMetadata = "_cache_metadata"
        case semanticCacheSearch = "semantic_cache_search"
    }
}

/// `ai_metadata` of a node that got no valid code (docs/api.md §4.6, D2); the ledger's ``GenerationFindings`` (when
/// generation started) and the node's ``NodeSummary`` (source, attempts, model, tokens, cost) are added to it.
struct FailedNodeMetadata: Encodable {
    let status = "failed"
    let finalError: String
    let errors: [GenerationError]
    /// The last code written, or the prompt when none was.
    let generatedCode: String
    let totalTimeMs: Double
    let cacheMetadata = CacheMetadata()
    /// The semantic lookup that found nothing usable; absent when the semantic cache is off.
    let semanticCacheSearch: JSONValue?

    /// Nothing was found in or saved to the caches.
    struct CacheMetadata: Encodable {
        let cacheHit = false
        let savedForFuture = false

        enum CodingKeys: String, CodingKey {
            case cacheHit = "cache_hit"
            case savedForFuture = "saved_for_future"
        }
    }

    enum CodingKeys: String, CodingKey {
        case status, errors
        case finalError = "final_error"
        case generatedCode = "generated_code"
        case totalTimeMs = "total_time_ms"
        case cacheMetadata = "_cache_metadata"
        case semanticCacheSearch = "semantic_cache_search"
    }
}
