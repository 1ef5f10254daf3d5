import NovaJSON

/// The input of the `input_analysis` step: the node's input schema.
struct InputSchemaPayload: Encodable {
    let inputSchema: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case inputSchema = "input_schema"
    }
}

/// The output of the `analysis_validation` step: the insights kept.
struct InsightsPayload: Encodable {
    let insights: [String]
}

/// The input of the LLM's `output_validation` step: the method and the schema of the output judged.
struct OutputJudgePayload: Encodable {
    let method = "llm"
    let outputSchema: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case method
        case outputSchema = "output_schema"
    }
}

/// The output of the LLM's `output_validation` step: its verdict and reason (redacted).
struct VerdictPayload: Encodable {
    let valid: Bool
    let reason: String
}
