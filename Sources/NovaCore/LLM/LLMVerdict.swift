import NovaJSON

/// A yes/no question for the model whose answer holds an ``LLMVerdict`` (the output judge, the confirmation of a
/// semantic hit).
package protocol VerdictQuestion: Sendable {
    /// The system prompt.
    var system: String { get }
    /// The user message.
    var task: String { get }
    /// Upper bound on the answer's tokens.
    static var answerTokens: Int { get }
}

extension LLMProvider {
    /// Asks `model` the question; the answer, and its verdict (nil when the answer holds none).
    package func ask(_ question: some VerdictQuestion, model: String) async throws -> (answer: LLMResponse, verdict: LLMVerdict?) {
        let request = LLMRequest(
            model: model, system: question.system, messages: [LLMMessage(role: .user, content: question.task)],
            maxTokens: type(of: question).answerTokens)
        let answer = try await complete(request)
        return (answer, LLMVerdict(in: answer.text))
    }
}

/// A yes/no judgement asked of the model (the output judge, the confirmation of a semantic hit): the first JSON object
/// of the answer with a boolean `valid`, and its `reason`.
package struct LLMVerdict: Sendable, Equatable {
    /// Whether the model said yes.
    package let valid: Bool
    /// Its reason, empty when it gave none.
    package let reason: String

    /// A verdict as given.
    package init(valid: Bool, reason: String) {
        self.valid = valid
        self.reason = reason
    }

    /// The verdict in `answer`, nil when it holds no JSON object with a boolean `valid`.
    package init?(in answer: String) {
        var start = answer.firstIndex(of: "{")
        while let open = start {
            var depth = 0
            for index in answer[open...].indices {
                if answer[index] == "{" { depth += 1 }
                if answer[index] == "}" { depth -= 1 }
                guard depth == 0 else { continue }
                if let object = JSONValue(jsonText: String(answer[open...index]))?.objectValue, case .bool(let valid)? = object["valid"] {
                    self.init(valid: valid, reason: object["reason"]?.stringValue ?? "")
                    return
                }
                break
            }
            start = answer[answer.index(after: open)...].firstIndex(of: "{")
        }
        return nil
    }
}
