import ServiceKit

/// The code generator's model and provider credentials; with no key at all, nodes can still run from the caches.
struct LLMSettings: Sendable {
    /// `CODE_GENERATOR_MODEL`, default `claude-sonnet-4-5` (Claude models go to Anthropic, others to OpenAI).
    var model: String
    /// `OPENAI_API_KEY`.
    var openAIKey: String?
    /// `OPENAI_BASE_URL`, default `https://api.openai.com/v1`.
    var openAIBaseURL: String
    /// `ANTHROPIC_API_KEY`.
    var anthropicKey: String?
    /// `ANTHROPIC_BASE_URL`, default `https://api.anthropic.com`.
    var anthropicBaseURL: String

    init(env: EnvironmentReader) {
        model = env.string("CODE_GENERATOR_MODEL", default: "claude-sonnet-4-5")
        openAIKey = env.string("OPENAI_API_KEY")
        openAIBaseURL = Self.trimmed(env.string("OPENAI_BASE_URL", default: "https://api.openai.com/v1"))
        anthropicKey = env.string("ANTHROPIC_API_KEY")
        anthropicBaseURL = Self.trimmed(env.string("ANTHROPIC_BASE_URL", default: "https://api.anthropic.com"))
    }

    /// The router over the configured providers.
    var router: ModelRouter {
        ModelRouter(
            openAI: openAIKey.map { OpenAIChatClient(baseURL: openAIBaseURL, apiKey: $0) },
            anthropic: anthropicKey.map { AnthropicMessagesClient(baseURL: anthropicBaseURL, apiKey: $0) })
    }

    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
