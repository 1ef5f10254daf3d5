import Foundation
import NovaCore
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI

@Suite("LLM provider clients against a fake speaking their wire formats")
struct LLMClientTests {
    @Test("Claude models go to the Anthropic Messages API with its headers; tokens and cost are read from usage")
    func anthropic() async throws {
        let fake = FakeLLM(replies: [.text("print('hi')")])
        try await fake.run { base in
            let router = LLMSettings(env: EnvironmentReader(["ANTHROPIC_API_KEY": "ak-1", "ANTHROPIC_BASE_URL": base + "/"])).router
            let answer = try await router.complete(
                LLMRequest(model: "claude-sonnet-4-5", system: "You write Python.", messages: [LLMMessage(role: .user, content: "Sum it")]))
            #expect(answer.text == "print('hi')")
            #expect(answer.inputTokens == 200)
            #expect(answer.outputTokens == 50)
            #expect(ModelPrices.costUSD(model: answer.model, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens) == 0.00135)
        }
        let sent = try #require(fake.requests.first.flatMap { JSONValue(jsonText: $0) })
        #expect(sent["system"] == "You write Python.")
        #expect(sent["messages"]?.arrayValue?.first?["content"] == "Sum it")
        #expect(fake.requestHeaders.first?["x-api-key"] == "ak-1")
        #expect(fake.requestHeaders.first?["anthropic-version"] == "2023-06-01")
    }

    @Test("other models go to OpenAI chat completions with a bearer key and the system prompt first")
    func openAI() async throws {
        let fake = FakeLLM(replies: [.text("x = 1"), .status(429), .status(400)])
        try await fake.run { base in
            let router = LLMSettings(env: EnvironmentReader(["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": base + "/v1"])).router
            let request = LLMRequest(model: "gpt-4o-mini", system: "sys", messages: [LLMMessage(role: .user, content: "go")])
            let answer = try await router.complete(request)
            #expect(answer.text == "x = 1")
            #expect(answer.inputTokens == 120)
            let limited = await #expect(throws: LLMError.self) { try await router.complete(request) }
            #expect(limited?.isTransient == true)
            let rejected = await #expect(throws: LLMError.self) { try await router.complete(request) }
            #expect(rejected?.isTransient == false)
        }
        let sent = try #require(fake.requests.first.flatMap { JSONValue(jsonText: $0) })
        #expect(sent["messages"]?.arrayValue?.map { $0["role"] } == ["system", "user"])
        #expect(fake.requestHeaders.first?["authorization"] == "Bearer sk-test")
    }

    @Test("a model whose provider has no key fails naming the variable to set")
    func missingKey() async throws {
        let router = LLMSettings(env: EnvironmentReader([:])).router
        let error = await #expect(throws: LLMError.self) {
            try await router.complete(LLMRequest(model: "claude-sonnet-4-5", system: "", messages: []))
        }
        #expect(error?.description.contains("ANTHROPIC_API_KEY") == true)
        #expect(ModelPrices.costUSD(model: "some-local-model", inputTokens: 10, outputTokens: 10) == nil)
    }
}
