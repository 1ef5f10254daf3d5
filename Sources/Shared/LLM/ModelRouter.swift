import NovaCore

/// Sends each request to the provider of its model: Claude models to Anthropic, every other model to the
/// OpenAI-compatible API (docs/api.md §1.3, `CODE_GENERATOR_MODEL`). A model whose provider has no key configured
/// fails with a message naming the missing variable.
package struct ModelRouter: LLMProvider {
    /// `router`.
    package let providerName = "router"
    private let openAI: OpenAIChatClient?
    private let anthropic: AnthropicMessagesClient?

    /// The code generator's model when `CODE_GENERATOR_MODEL` is not set.
    package static let defaultModel = "claude-sonnet-4-5"

    /// A router over the providers that have a key (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`); a base URL left nil is the
    /// provider's own (`OPENAI_BASE_URL`, `ANTHROPIC_BASE_URL`).
    package init(openAIKey: String?, openAIBaseURL: String?, anthropicKey: String?, anthropicBaseURL: String?) {
        openAI = openAIKey.map { OpenAIChatClient(LLMEndpoint(baseURL: openAIBaseURL ?? OpenAIChatClient.defaultBaseURL, apiKey: $0)) }
        anthropic = anthropicKey.map {
            AnthropicMessagesClient(LLMEndpoint(baseURL: anthropicBaseURL ?? AnthropicMessagesClient.defaultBaseURL, apiKey: $0))
        }
    }

    /// The provider that serves `model`, or an error naming the variable to set.
    package func provider(for model: String) throws -> any LLMProvider {
        if model.lowercased().hasPrefix("claude") {
            guard let anthropic else { throw LLMError("model \(model) needs ANTHROPIC_API_KEY, which is not set", isTransient: false) }
            return anthropic
        }
        guard let openAI else { throw LLMError("model \(model) needs OPENAI_API_KEY, which is not set", isTransient: false) }
        return openAI
    }

    /// One completion from the provider of the request's model.
    package func complete(_ request: LLMRequest) async throws -> LLMResponse {
        try await provider(for: request.model).complete(request)
    }
}
