import AsyncHTTPClient
import NovaCore
import NovaJSON

/// OpenAI-compatible chat completions (`POST {OPENAI_BASE_URL}/chat/completions`, `OPENAI_API_KEY`).
package struct OpenAIChatClient: LLMProvider {
    /// `openai`.
    package let providerName = "openai"
    /// The API base when none is configured.
    package static let defaultBaseURL = "https://api.openai.com/v1"
    private let endpoint: LLMEndpoint

    /// A client of the API at `endpoint`.
    package init(_ endpoint: LLMEndpoint) {
        self.endpoint = endpoint
    }

    /// One chat completion; the first choice's content.
    package func complete(_ request: LLMRequest) async throws -> LLMResponse {
        let messages =
            [JSONValue.object(["role": "system", "content": .string(request.system)])]
            + request.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }
        let body = JSONValue.object(["model": .string(request.model), "messages": .array(messages), "max_tokens": .int(request.maxTokens)])
        let answer = try await endpoint.post("/chat/completions", headers: [("Authorization", "Bearer \(endpoint.apiKey)")], body: body)
        guard let text = answer["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue else {
            throw LLMError("the chat completion has no message content", isTransient: false)
        }
        return LLMResponse(
            text: text, model: answer["model"]?.stringValue ?? request.model, inputTokens: answer["usage"]?["prompt_tokens"].flatMap(\.intValue) ?? 0,
            outputTokens: answer["usage"]?["completion_tokens"].flatMap(\.intValue) ?? 0)
    }
}
