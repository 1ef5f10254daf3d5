import Foundation
import NovaJSON

/// The LLM judgement of generated output (`VALIDATE_OUTPUT_WITH_LLM=true`, generation stage 6 after the rule checks):
/// the node's prompt, the output's schema and a redacted, truncated sample go to the model, which answers with a JSON
/// verdict `{"valid": bool, "reason": "..."}`.
package struct OutputJudgePrompt: VerdictQuestion {
    /// The longest sample of the output sent, in characters.
    package static let sampleCharacters = 2000
    /// Upper bound on the verdict's tokens.
    package static let answerTokens = 512
    /// The longest string value of the sample, in characters.
    private static let valueCharacters = 200

    /// What the node had to do.
    package let prompt: String
    /// The output's types (``InputSchema`` of the updates).
    package let schema: InputSchema
    /// The output with secret members masked, long strings cut and the whole cut to ``sampleCharacters``.
    package let sample: String

    /// The judgement of `updates`, the output of a node asked to do `prompt`; `redactor` masks secrets.
    package init(prompt: String, updates: [String: JSONValue], redactor: SecretRedactor) {
        self.prompt = prompt
        schema = InputSchema(context: updates)
        let shortened = Self.shortened(redactor.redact(JSONValue.object(updates)))
        sample = String(CanonicalJSON.pretty(shortened).prefix(Self.sampleCharacters))
    }

    /// The system prompt.
    package var system: String {
        """
        You check the output of one step of a business workflow. Decide whether the output plausibly does what the step \
        was asked to do: the right keys, sensible types and values, nothing missing. Answer with exactly one JSON object: \
        {"valid": true, "reason": "<one sentence>"} or {"valid": false, "reason": "<what is wrong>"}.
        """
    }

    /// The user message.
    package var task: String {
        """
        Step: \(prompt)

        Output keys and types:
        \(CanonicalJSON.pretty(.object(schema.types.merging(schema.config) { first, _ in first })))

        Output sample (secrets masked, long values cut):
        \(sample)
        """
    }

    private static func shortened(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text) where text.count > valueCharacters: .string(String(text.prefix(valueCharacters)) + "…")
        case .array(let elements): .array(elements.prefix(5).map(shortened))
        case .object(let members): .object(members.mapValues(shortened))
        case .null, .bool, .int, .double, .string: value
        }
    }
}
