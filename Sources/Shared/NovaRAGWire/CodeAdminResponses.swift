/// `POST /code/clear` answer.
package struct CodeClearResponse: Codable, Sendable, Equatable {
    /// Always true.
    package var success = true
    /// `Code cache cleared successfully`.
    package var message = "Code cache cleared successfully"
    /// Entries deleted.
    package var codesDeleted: Int

    /// Creates the answer.
    package init(codesDeleted: Int) {
        self.codesDeleted = codesDeleted
    }

    enum CodingKeys: String, CodingKey {
        case success, message
        case codesDeleted = "codes_deleted"
    }
}

/// `DELETE /code/entries/{id}` answer.
package struct CodeDeleteResponse: Codable, Sendable, Equatable {
    /// Always true.
    package var success = true
    /// The deleted id.
    package var id: String

    /// Creates the answer.
    package init(id: String) {
        self.id = id
    }
}

/// `POST /code/entries/{id}/result` answer.
package struct CodeResultResponse: Codable, Sendable, Equatable {
    /// The entry id.
    package var id: String
    /// Successes after the report.
    package var successCount: Int
    /// Failures after the report.
    package var failureCount: Int
    /// Whether the report evicted the entry.
    package var deleted: Bool

    /// Creates the answer.
    package init(id: String, successCount: Int, failureCount: Int, deleted: Bool) {
        self.id = id
        self.successCount = successCount
        self.failureCount = failureCount
        self.deleted = deleted
    }

    enum CodingKeys: String, CodingKey {
        case id, deleted
        case successCount = "success_count"
        case failureCount = "failure_count"
    }
}
