import AsyncHTTPClient
import NovaCore
import NovaJSON

/// Anthropic Messages API (`POST {ANTHROPIC_BASE_URL}/v1/messages`, `ANTHROPIC_API_KEY`, `anthropic-version: 2023-06-01`).
package struct AnthropicMessagesClient: LLMProvider {
    /// `anthropic`.
    package let providerName = "anthropic"
    /// The API base when none is configured.
    package static let defaultBaseURL = "https://api.anthropic.com"
    private let endpoint: LLMEndpoint

    /// A client of the API at `endpoint`.
    package init(_ endpoint: LLMEndpoint) {
        self.endpoint = endpoint
    }

    /// One message; the answer's text blocks joined.
    package func complete(_ request: LLMRequest) async throws -> LLMResponse {
        let body = JSONValue.object([
            "model": .string(request.model), "max_tokens": .int(request.maxTokens), "system": .string(request.system),
            "messages": .array(request.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
        ])
        let answer = try await endpoint.post(
            "/v1/messages", headers: [("x-api-key", endpoint.apiKey), ("anthropic-version", "2023-06-01")], body: body)
        let text = (answer["content"]?.arrayValue ?? []).filter { $0["type"] == .string("text") }.compactMap { $0["text"]?.stringValue }.joined()
        guard !text.isEmpty else { throw LLMError("the message has no text content", isTransient: false) }
        return LLMResponse(
            text: text, model: answer["model"]?.stringValue ?? request.model, inputTokens: answer["usage"]?["input_tokens"].flatMap(\.intValue) ?? 0,
            outputTokens: answer["usage"]?["output_tokens"].flatMap(\.intValue) ?? 0)
    }
}
