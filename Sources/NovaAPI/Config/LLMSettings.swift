import ServiceKit
import Shared

/// The code generator's model and provider credentials; with no key at all, nodes can still run from the caches.
struct LLMSettings: Sendable {
    /// `CODE_GENERATOR_MODEL`, default ``ModelRouter/defaultModel`` (Claude models go to Anthropic, others to OpenAI).
    var model: String
    /// `OPENAI_API_KEY`.
    var openAIKey: String?
    /// `OPENAI_BASE_URL`, default ``OpenAIChatClient/defaultBaseURL``.
    var openAIBaseURL: String?
    /// `ANTHROPIC_API_KEY`.
    var anthropicKey: String?
    /// `ANTHROPIC_BASE_URL`, default ``AnthropicMessagesClient/defaultBaseURL``.
    var anthropicBaseURL: String?

    init(env: EnvironmentReader) {
        model = env.string("CODE_GENERATOR_MODEL", default: ModelRouter.defaultModel)
        openAIKey = env.string("OPENAI_API_KEY")
        openAIBaseURL = env.string("OPENAI_BASE_URL")
        anthropicKey = env.string("ANTHROPIC_API_KEY")
        anthropicBaseURL = env.string("ANTHROPIC_BASE_URL")
    }

    /// The router over the configured providers.
    var router: ModelRouter {
        ModelRouter(openAIKey: openAIKey, openAIBaseURL: openAIBaseURL, anthropicKey: anthropicKey, anthropicBaseURL: anthropicBaseURL)
    }
}
