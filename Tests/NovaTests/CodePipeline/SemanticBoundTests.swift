import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NovaCore
import NovaJSON
import Shared
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// `SEMANTIC_CACHE_MAX_ERROR_RATE` through the real pipeline over a live nova-rag and the fake LLM server: the model
/// confirms a new entry's candidate and the verdict is recorded; once nova-rag's bound on the entry is confident the
/// entry runs without a confirmation, and a reported failure brings the confirmation back.
@Suite("Code pipeline: the semantic cache's error-rate bound")
struct SemanticBoundTests {
    private static let stored = "Compute the sum of the amounts"
    private static let reworded = "compute the SUM of the amounts"
    private static let summingCode = "import json\nprint(json.dumps({'status': 'success', 'context_updates': {'total': sum(context['amounts'])}}))"
    /// A loose bound, reached after 11 confirmations (0 failures in 11 bounds the error rate at 0.238 with 95 % confidence).
    private static let settings = CodePipelineSettings(
        model: CodePipelineTests.settings.model, runtimeVersion: CodePipelineTests.settings.runtimeVersion, semanticMaxErrorRate: 0.25)

    private static func run(ragURL: String, llmURL: String) async -> PromptNodeOutcome {
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        return await CodePipelineTests.pipeline(
            exact: MemoryExactCodeCacheStore(), ragURL: ragURL, llmURL: llmURL, sandbox: sandbox, settings: settings
        ).execute(CodePipelineTests.request(reworded, context: ["amounts": .array([4, 5])]))
    }

    /// nova-rag's confidence in the stored entry for the reworded prompt, as the pipeline's search sees it.
    private static func confidence(ragURL: String) async throws -> Double {
        let query = JSONValue.object([
            "query": .string(SearchText.make(prompt: reworded, inputSchema: InputSchema(context: ["amounts": .array([4, 5])]).types)), "threshold": 0,
            "workflow_id": 1,
            "max_error_rate": .double(settings.semanticMaxErrorRate),
        ])
        let (_, text) = try await HTTPClient.shared.postJSON(ragURL + "/code/search", query.jsonText)
        return try #require(JSONValue(jsonText: text)?["matches"]?.arrayValue?.first?["confidence"]?.doubleValue)
    }

    @Test("confirmations stop once the entry's bound is confident and return after a reported failure")
    func confirmationsFallAndReturn() async throws {
        let fake = FakeLLM(replies: Array(repeating: .text(#"{"valid": true, "reason": "both sum the amounts"}"#), count: 40))
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            let ragURL = "http://127.0.0.1:\(ragClient.port!)"
            let source = RAGSemanticCodeSource(client: NovaRAGClient(baseURL: ragURL, apiKey: nil, timeoutSeconds: 15), wallClock: SystemWallClock())
            try await source.save(
                SemanticSaveDraft(
                    prompt: Self.stored, schema: InputSchema(context: ["amounts": .array([1])]), code: Self.summingCode, nodeID: "sum_node",
                    workflowID: 1))
            try await fake.run { llmURL in
                let first = await Self.run(ragURL: ragURL, llmURL: llmURL)
                #expect(first.aiMetadata["code_source"] == "semantic_hit")
                #expect(first.aiMetadata["semantic_cache_search"]?["llm_confirmations"]?.arrayValue?.count == 1)
                #expect(fake.requests.count == 1)
                let hit = try #require(first.aiMetadata["semantic_cache_search"]?["selected_match"])
                let id = try #require(hit["id"]?.stringValue)
                let similarity = try #require(hit["score"])
                #expect(try await Self.confidence(ragURL: ragURL) < 0.75)
                // Ten more confirmations, as other nodes' runs would record them: the eleventh makes the bound confident.
                let verdict = JSONValue.object(["similarity": similarity, "correct": true]).jsonText
                for _ in 0..<10 { _ = try await HTTPClient.shared.postJSON(ragURL + "/code/entries/\(id)/verdict", verdict) }
                #expect(try await Self.confidence(ragURL: ragURL) >= 0.75)

                for _ in 0..<3 {
                    let served = await Self.run(ragURL: ragURL, llmURL: llmURL)
                    #expect(served.aiMetadata["code_source"] == "semantic_hit")
                    #expect(served.aiMetadata["semantic_cache_search"]?["llm_confirmations"] == nil)
                    #expect(served.aiMetadata["semantic_cache_search"]?["served_without_confirmation"] != nil)
                }
                #expect(fake.requests.count == 1)

                let failure = JSONValue.object(["success": false, "similarity": similarity])
                _ = try await HTTPClient.shared.postJSON(ragURL + "/code/entries/\(id)/result", failure.jsonText)
                let after = await Self.run(ragURL: ragURL, llmURL: llmURL)
                #expect(after.aiMetadata["semantic_cache_search"]?["llm_confirmations"]?.arrayValue?.count == 1)
                #expect(fake.requests.count == 2)

                let (_, statsText) = try await HTTPClient.shared.getText(ragURL + "/code/stats")
                let stats = try #require(JSONValue(jsonText: statsText))
                #expect(stats["confirmations_accepted"] == 12)
                #expect(stats["confirmations_rejected"] == 0)
                #expect(stats["served_without_confirmation"] == 3)
                #expect(stats["reuse_failures"] == 1)
            }
        }
    }
}
