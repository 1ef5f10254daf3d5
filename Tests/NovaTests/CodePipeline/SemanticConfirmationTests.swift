import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NovaCore
import NovaJSON
import ServiceKit
import Shared
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// The model's confirmation of a semantic candidate (`CONFIRM_SEMANTIC_HITS_WITH_LLM`), through the real pipeline over
/// a live nova-rag and the fake LLM server: a "no" sends the node to generation, a failed call leaves the decision to
/// cosine and the guard, and the switch turns the call off.
@Suite("Code pipeline: the model confirms semantic hits")
struct SemanticConfirmationTests {
    private static let stored = "Compute the sum of the amounts"
    private static let reworded = "compute the SUM of the amounts"
    private static let summingCode = "import json\nprint(json.dumps({'status': 'success', 'context_updates': {'total': sum(context['amounts'])}}))"

    /// Runs `body` with a live nova-rag holding the summing code for ``stored`` (workflow 1) and the fake LLM.
    private static func withCachedSum(
        _ fake: FakeLLM, _ body: @Sendable (_ ragURL: String, _ llmURL: String) async throws -> Void
    ) async throws {
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            let ragURL = "http://127.0.0.1:\(ragClient.port!)"
            let source = RAGSemanticCodeSource(client: NovaRAGClient(baseURL: ragURL, apiKey: nil, timeoutSeconds: 15), wallClock: SystemWallClock())
            try await source.save(
                SemanticSaveDraft(
                    prompt: stored, schema: InputSchema(context: ["amounts": .array([1])]), code: summingCode, nodeID: "sum_node", workflowID: 1))
            try await fake.run { llmURL in try await body(ragURL, llmURL) }
        }
    }

    private static func run(_ prompt: String, ragURL: String, llmURL: String, settings: CodePipelineSettings = CodePipelineTests.settings) async
        -> PromptNodeOutcome
    {
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        return await CodePipelineTests.pipeline(
            exact: MemoryExactCodeCacheStore(), ragURL: ragURL, llmURL: llmURL, sandbox: sandbox, settings: settings
        ).execute(CodePipelineTests.request(prompt, context: ["amounts": .array([4, 5]), "email_password": .string(CodePipelineTests.canary)]))
    }

    @Test("the model's no skips the candidate without counting it as failed, and the node is generated")
    func rejectionGenerates() async throws {
        let fake = FakeLLM(replies: [
            .text(#"{"valid": false, "reason": "the new step counts the amounts, the code sums them"}"#), .text(CodePipelineTests.goodAnswer),
        ])
        try await Self.withCachedSum(fake) { ragURL, llmURL in
            let outcome = await Self.run(Self.reworded, ragURL: ragURL, llmURL: llmURL)
            #expect(outcome.updates == ["total": 9])
            #expect(outcome.aiMetadata["code_source"] == "generated")
            let search = outcome.aiMetadata["semantic_cache_search"]
            #expect(search?["fallback_reason"] == "llm_rejected")
            let confirmation = search?["llm_confirmations"]?.arrayValue?.first
            #expect(confirmation?["valid"] == false)
            #expect(confirmation?["reason"]?.stringValue?.contains("counts the amounts") == true)
            #expect(outcome.aiMetadata["tokens_input"] == 400)
            let query = #"{"query": "Prompt: \#(Self.stored)", "threshold": 0}"#
            let (_, text) = try await HTTPClient.shared.postJSON(ragURL + "/code/search", query)
            let entry = try #require(JSONValue(jsonText: text)?["matches"]?.arrayValue?.first)
            #expect(entry["metadata"]?["failure_count"] == 0)
            #expect(entry["metadata"]?["prompt"] == .string(Self.stored))
        }
        #expect(fake.requests.count == 2)
        for body in fake.requests { #expect(!body.contains(CodePipelineTests.canary)) }
    }

    @Test("a confirmation call that fails leaves the decision to cosine and the guard, and says so")
    func failedCallAccepts() async throws {
        let fake = FakeLLM(replies: [.status(503)])
        try await Self.withCachedSum(fake) { ragURL, llmURL in
            let outcome = await Self.run(Self.reworded, ragURL: ragURL, llmURL: llmURL)
            #expect(outcome.updates == ["total": 9])
            #expect(outcome.aiMetadata["code_source"] == "semantic_hit")
            let confirmation = outcome.aiMetadata["semantic_cache_search"]?["llm_confirmations"]?.arrayValue?.first
            #expect(confirmation?["error"]?.stringValue?.contains("HTTP 503") == true)
            #expect(confirmation?["valid"] == nil)
        }
        #expect(fake.requests.count == 1)
    }

    @Test("with CONFIRM_SEMANTIC_HITS_WITH_LLM=false the model is not asked")
    func switchedOff() async throws {
        let fake = FakeLLM(replies: [])
        let settings = CodePipelineSettings(
            model: CodePipelineTests.settings.model, runtimeVersion: CodePipelineTests.settings.runtimeVersion, confirmSemanticHitsWithLLM: false)
        try await Self.withCachedSum(fake) { ragURL, llmURL in
            let outcome = await Self.run(Self.reworded, ragURL: ragURL, llmURL: llmURL, settings: settings)
            #expect(outcome.updates == ["total": 9])
            #expect(outcome.aiMetadata["code_source"] == "semantic_hit")
            #expect(outcome.aiMetadata["semantic_cache_search"]?["llm_confirmations"] == nil)
        }
        #expect(fake.requests.isEmpty)
    }
}
