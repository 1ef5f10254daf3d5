import NovaCore

/// Sends each request to the provider of its model: Claude models to Anthropic, every other model to the
/// OpenAI-compatible API (contract §1.3, `CODE_GENERATOR_MODEL`). A model whose provider has no key configured
/// fails with a message naming the missing variable.
struct ModelRouter: LLMProvider {
    let providerName = "router"
    let openAI: OpenAIChatClient?
    let anthropic: AnthropicMessagesClient?

    /// The provider that serves `model`, or an error naming the variable to set.
    func provider(for model: String) throws -> any LLMProvider {
        if model.lowercased().hasPrefix("claude") {
            guard let anthropic else { throw LLMError("model \(model) needs ANTHROPIC_API_KEY, which is not set", isTransient: false) }
            return anthropic
        }
        guard let openAI else { throw LLMError("model \(model) needs OPENAI_API_KEY, which is not set", isTransient: false) }
        return openAI
    }

    func complete(_ request: LLMRequest) async throws -> LLMResponse {
        try await provider(for: request.model).complete(request)
    }
}
