/// A chat-style language model that writes code for prompt nodes (the port behind OpenAI-compatible and Anthropic
/// clients; tests use a local fake server speaking their wire formats).
package protocol LLMProvider: Sendable {
    /// `openai` or `anthropic`, recorded on chain-of-work steps.
    var providerName: String { get }
    /// One completion.
    func complete(_ request: LLMRequest) async throws -> LLMResponse
}

/// One message of a conversation.
package struct LLMMessage: Sendable, Equatable {
    /// Who speaks.
    package enum Role: String, Sendable { case user, assistant }
    /// The speaker.
    package let role: Role
    /// The text.
    package let content: String

    /// Creates a message.
    package init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// A completion request.
package struct LLMRequest: Sendable, Equatable {
    /// Model name, e.g. `claude-sonnet-4-5` or `gpt-4o-mini`.
    package let model: String
    /// The system prompt.
    package let system: String
    /// The conversation so far.
    package let messages: [LLMMessage]
    /// Upper bound on the answer's tokens.
    package let maxTokens: Int

    /// Creates a request.
    package init(model: String, system: String, messages: [LLMMessage], maxTokens: Int = 4096) {
        self.model = model
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
    }
}

/// A completion and what it cost.
package struct LLMResponse: Sendable, Equatable {
    /// The answer text.
    package let text: String
    /// The model that answered (as the provider reports it).
    package let model: String
    /// Prompt tokens billed.
    package let inputTokens: Int
    /// Answer tokens billed.
    package let outputTokens: Int

    /// Creates a response.
    package init(text: String, model: String, inputTokens: Int, outputTokens: Int) {
        self.text = text
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// A provider call that failed; `isTransient` failures (network, 429, 5xx) may be retried.
package struct LLMError: Error, CustomStringConvertible, Sendable {
    /// What failed, without the API key.
    package let description: String
    /// Whether trying again later may succeed.
    package let isTransient: Bool

    /// Creates the error.
    package init(_ description: String, isTransient: Bool) {
        self.description = description
        self.isTransient = isTransient
    }
}
