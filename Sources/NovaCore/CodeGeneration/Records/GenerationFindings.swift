/// What a generation learnt before its first attempt, added to its `ai_metadata` whether it succeeds or fails: the
/// input analysis (stage 1), the data analysis (stage 2) and the documentation search. A stage that did not run
/// leaves its keys out.
struct GenerationFindings: Encodable {
    var inputAnalysis: InputAnalysis?
    var dataAnalysis: DataAnalysis?
    var docChunks: [CitedDocChunk]?
    var documentationSearch: DocumentationSearch?

    enum CodingKeys: String, CodingKey {
        case inputAnalysis = "input_analysis"
        case dataAnalysis = "data_analysis"
        case docChunks = "doc_chunks"
        case documentationSearch = "documentation_search"
    }
}

/// Stage 1's decision (`input_analysis`, also the output of its step): whether the data needs analysis, for which
/// keys and why.
struct InputAnalysis: Encodable {
    let needsAnalysis: Bool
    let keys: [String]
    let reason: String
    /// How it was decided: from the schema, by rules (no LLM call).
    let method = "schema_rules"

    enum CodingKeys: String, CodingKey {
        case keys, reason, method
        case needsAnalysis = "needs_analysis"
    }
}

/// Stage 2's result (`data_analysis`): the insights and the code that found them, or why there are none.
struct DataAnalysis: Encodable {
    let status: String
    let attempts: Int?
    let error: String?
    let insights: [String]
    let analysisCode: String?

    /// The analysis of attempt `attempts` found `insights` with `code`.
    static func succeeded(attempts: Int, insights: [String], code: String) -> DataAnalysis {
        DataAnalysis(status: "success", attempts: attempts, error: nil, insights: insights, analysisCode: code)
    }

    /// Every attempt failed; `error` is the last one's.
    static func failed(_ error: String) -> DataAnalysis {
        DataAnalysis(status: "failed", attempts: nil, error: error, insights: [], analysisCode: nil)
    }

    enum CodingKeys: String, CodingKey {
        case status, attempts, error, insights
        case analysisCode = "analysis_code"
    }
}
