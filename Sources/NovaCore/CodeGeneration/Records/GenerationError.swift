/// An error fed back to the model during a generation (`ai_metadata.errors`): the stage, the attempt, what went wrong
/// and the code that failed (absent when no code was written).
struct GenerationError: Encodable {
    let stage: String
    let error: String
    let attempt: Int
    let failedCode: String?

    enum CodingKeys: String, CodingKey {
        case stage, error, attempt
        case failedCode = "failed_code"
    }
}
