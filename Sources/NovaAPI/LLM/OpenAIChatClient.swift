import AsyncHTTPClient
import NovaCore
import NovaJSON

/// OpenAI-compatible chat completions (`POST {OPENAI_BASE_URL}/chat/completions`, `OPENAI_API_KEY`).
struct OpenAIChatClient: LLMProvider {
    let providerName = "openai"
    let baseURL: String
    let apiKey: String
    var timeoutSeconds: Int64 = 120
    var http: HTTPClient = .shared

    func complete(_ request: LLMRequest) async throws -> LLMResponse {
        let messages =
            [JSONValue.object(["role": "system", "content": .string(request.system)])]
            + request.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }
        let body = JSONValue.object(["model": .string(request.model), "messages": .array(messages), "max_tokens": .int(request.maxTokens)])
        let answer = try await LLMHTTP.post(
            url: baseURL + "/chat/completions", headers: [("Authorization", "Bearer \(apiKey)")], body: body, timeoutSeconds: timeoutSeconds,
            http: http)
        guard let text = answer["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue else {
            throw LLMError("the chat completion has no message content", isTransient: false)
        }
        return LLMResponse(
            text: text, model: answer["model"]?.stringValue ?? request.model, inputTokens: answer["usage"]?["prompt_tokens"].flatMap(\.intValue) ?? 0,
            outputTokens: answer["usage"]?["completion_tokens"].flatMap(\.intValue) ?? 0)
    }

}
