import NovaJSON

/// One problem with a request, in the contract's 422 shape: `{"type", "loc", "msg", "input"?}`.
package struct ValidationIssue: Codable, Sendable, Equatable {
    /// A machine-readable kind such as `missing`, `int_parsing` or `less_than_equal`.
    package let type: String
    /// Where the problem is: `["body", "top_k"]`, `["query", "limit"]`, `["path", "workflow_id"]`.
    package let loc: [JSONValue]
    /// A human-readable message.
    package let msg: String
    /// The offending value when it is safe to echo; nil otherwise.
    package let input: JSONValue?

    /// Creates an issue at `loc`.
    package init(type: String, loc: [JSONValue], msg: String, input: JSONValue? = nil) {
        self.type = type
        self.loc = loc
        self.msg = msg
        self.input = input
    }

    /// An issue about the body field `field` (a dotted path is split into its parts).
    package static func body(_ field: String, type: String, msg: String, input: JSONValue? = nil) -> ValidationIssue {
        ValidationIssue(type: type, loc: [.string("body")] + field.split(separator: ".").map { .string(String($0)) }, msg: msg, input: input)
    }
}

/// A request that failed validation: answered `422 {"detail": [ValidationIssue…]}` by both services.
package struct RequestValidationError: Error, Sendable {
    /// Every problem found.
    package let issues: [ValidationIssue]

    /// Creates the error from its issues.
    package init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// The error for a single issue.
    package init(_ issue: ValidationIssue) {
        self.issues = [issue]
    }
}
