/// `POST /code/save` answer (docs/api.md §2.8): success with the entry id, or `success: false` with the error (D12).
package struct CodeSaveResponse: Codable, Sendable, Equatable {
    /// Whether the code is stored.
    package var success: Bool
    /// The entry id (the existing one for a duplicate), null on failure.
    package var id: String?
    /// `Code saved to semantic cache` or `Failed to save code`.
    package var message: String
    /// Null on success.
    package var error: String?

    /// A successful save.
    package static func saved(id: String) -> CodeSaveResponse {
        CodeSaveResponse(success: true, id: id, message: "Code saved to semantic cache", error: nil)
    }

    /// A failed save.
    package static func failed(_ error: String) -> CodeSaveResponse {
        CodeSaveResponse(success: false, id: nil, message: "Failed to save code", error: error)
    }

    /// Encodes `id` and `error` as null when absent.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encode(id, forKey: .id)
        try container.encode(message, forKey: .message)
        try container.encode(error, forKey: .error)
    }
}
