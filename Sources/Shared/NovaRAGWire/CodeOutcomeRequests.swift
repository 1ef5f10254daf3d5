/// `POST /code/entries/{id}/result` body (docs/api.md §2.10): whether reused code worked and, as an extension, how the
/// candidate was found, so that the report counts for its error-rate bound.
package struct CodeResultRequest: Codable, Sendable, Equatable {
    /// Whether the code's output passed validation.
    package var success: Bool
    /// Extension: the candidate's search score; without it the report counts only in the entry's success/failure counts.
    package var similarity: Double?
    /// Extension: whether the model confirmed the candidate before it ran (default false: it was served without one).
    package var confirmed: Bool?
    /// Extension: whether the prompt guard found the candidate in conflict (default false).
    package var guardConflict: Bool?

    /// Creates the body.
    package init(success: Bool, similarity: Double? = nil, confirmed: Bool? = nil, guardConflict: Bool? = nil) {
        self.success = success
        self.similarity = similarity
        self.confirmed = confirmed
        self.guardConflict = guardConflict
    }

    enum CodingKeys: String, CodingKey {
        case success, similarity, confirmed
        case guardConflict = "guard_conflict"
    }
}

/// `POST /code/entries/{id}/verdict` body (docs/api.md §2.10): the model's verdict on a candidate before it ran.
package struct CodeVerdictRequest: Codable, Sendable, Equatable {
    /// The candidate's search score.
    package var similarity: Double
    /// Whether the model found that the code does what the new prompt asks.
    package var correct: Bool
    /// Whether the prompt guard found the candidate in conflict.
    package var guardConflict: Bool

    /// Creates the body.
    package init(similarity: Double, correct: Bool, guardConflict: Bool) {
        self.similarity = similarity
        self.correct = correct
        self.guardConflict = guardConflict
    }

    enum CodingKeys: String, CodingKey {
        case similarity, correct
        case guardConflict = "guard_conflict"
    }
}

/// `POST /code/entries/{id}/verdict` answer.
package struct CodeVerdictResponse: Codable, Sendable, Equatable {
    /// The entry id.
    package var id: String
    /// `confirmed` or `rejected`.
    package var outcome: String

    /// Creates the answer.
    package init(id: String, outcome: String) {
        self.id = id
        self.outcome = outcome
    }
}
