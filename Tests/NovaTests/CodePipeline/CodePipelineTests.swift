import AsyncHTTPClient
import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import ServiceKit
import Shared
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// The prompt-node pipeline with real parts: nova-rag over HTTP, python3 in the sandbox, a fake LLM on the wire.
@Suite("Code pipeline: exact cache, semantic cache, generation")
struct CodePipelineTests {
    static let canary = "canary-pass-9d1e"
    static let goodAnswer = """
        Here it is:
        ```python
        import json
        total = sum(context['amounts'])
        print(json.dumps({"status": "success", "context_updates": {"total": total}}))
        ```
        """
    static let settings = CodePipelineSettings(model: "claude-sonnet-4-5", runtimeVersion: "test-3")

    func request(_ prompt: String, context: [String: JSONValue]? = nil) -> PromptNodeRequest {
        Self.request(prompt, context: context ?? ["amounts": .array([1, 2, 3]), "email_password": .string(Self.canary)])
    }

    /// A prompt node `sum_node` of workflow 1 over `context`, its secrets found by key name.
    static func request(_ prompt: String, context: [String: JSONValue]) -> PromptNodeRequest {
        PromptNodeRequest(
            node: GraphNode(id: "sum_node", kind: .action, executor: .cached, prompt: prompt, timeout: 20), context: context, workflowID: 1,
            executionID: 1, network: .none, redactor: SecretRedactor(context: context))
    }

    func pipeline(exact: any ExactCodeCacheStore, ragURL: String, llmURL: String, sandbox: any Sandbox) -> CodePipeline {
        Self.pipeline(exact: exact, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox)
    }

    /// The pipeline as nova configures it, over nova-rag at `ragURL` (semantic cache and documentation) and the fake
    /// Anthropic server at `llmURL`. Its nova-rag deadline sits far above a loaded machine's latency; tests of an
    /// unreachable nova-rag pass a short one.
    static func pipeline(
        exact: any ExactCodeCacheStore, ragURL: String, llmURL: String, sandbox: any Sandbox,
        settings: CodePipelineSettings = CodePipelineTests.settings,
        stats: (any CodeSourceStatsStore)? = nil, clock: any WallClock = SystemWallClock(), ragTimeoutSeconds: Double = 15
    ) -> CodePipeline {
        let llm = LLMSettings(env: EnvironmentReader(["ANTHROPIC_API_KEY": "ak-test", "ANTHROPIC_BASE_URL": llmURL])).router
        let client = NovaRAGClient(baseURL: ragURL, apiKey: nil, timeoutSeconds: ragTimeoutSeconds)
        return CodePipeline(
            exactCache: exact, semantic: RAGSemanticCodeSource(client: client, wallClock: SystemWallClock()),
            documentation: RAGDocumentationSource(client: client), llm: llm, sandbox: sandbox, syntax: ProcessPythonSyntaxChecker(), stats: stats,
            settings: settings, wallClock: clock)
    }

    @Test("a miss generates (wrong code first, then right), the same prompt hits the exact cache, a reworded one the semantic cache")
    func missThenHits() async throws {
        let fake = FakeLLM(replies: [
            .text("```python\nprint('hello')\n```"), .text(Self.goodAnswer), .text(#"{"valid": true, "reason": "both sum the amounts"}"#),
        ])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            let ragURL = "http://127.0.0.1:\(ragClient.port!)"
            try await fake.run { llmURL in
                let exact = MemoryExactCodeCacheStore()
                let first = await pipeline(exact: exact, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox).execute(
                    request("Compute the sum of the amounts"))
                #expect(first.updates == ["total": 6])
                #expect(first.aiMetadata["code_source"] == "generated")
                #expect(first.aiMetadata["attempts"] == 2)
                #expect(
                    first.steps.map(\.stepName) == [
                        "input_analysis", "code_generation", "code_validation", "code_generation", "code_validation", "e2b_execution",
                        "output_validation",
                    ])
                #expect(first.steps[2].status == "failed")
                #expect(first.aiMetadata["input_analysis"]?["needs_analysis"] == false)
                #expect(first.aiMetadata["tokens_input"] == 400)
                #expect(fake.requests.count == 2)

                let again = await pipeline(exact: exact, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox).execute(
                    request("Compute the sum of the amounts"))
                #expect(again.updates == ["total": 6])
                #expect(again.aiMetadata["code_source"] == "exact_hit")
                #expect(fake.requests.count == 2)

                let fresh = MemoryExactCodeCacheStore()
                let reworded = await pipeline(exact: fresh, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox)
                    .execute(
                        request("compute the SUM of the amounts", context: ["amounts": .array([4, 5]), "email_password": .string(Self.canary)]))
                #expect(reworded.updates == ["total": 9])
                #expect(reworded.aiMetadata["code_source"] == "semantic_hit")
                #expect(reworded.aiMetadata["semantic_cache_search"]?["cache_hit"] == true)
                let confirmation = reworded.aiMetadata["semantic_cache_search"]?["llm_confirmations"]?.arrayValue?.first
                #expect(confirmation?["valid"] == true && confirmation?["tokens_input"] == 200)
                #expect(reworded.aiMetadata["tokens_input"] == 200)
                #expect(fake.requests.count == 3)
                let question = try #require(fake.requests.last)
                #expect(question.contains("New step: compute the SUM of the amounts") && question.contains("Compute the sum of the amounts"))
                #expect(question.contains("sum(context['amounts'])"))
            }
            for body in fake.requests { #expect(!body.contains(Self.canary)) }
            let (_, stats) = try await HTTPClient.shared.getText(ragURL + "/code/stats")
            #expect(stats.contains("\"total_codes\":1"))
            let (_, search) = try await HTTPClient.shared.postJSON(
                ragURL + "/code/search", #"{"query": "Prompt: Compute the sum of the amounts", "threshold": 0}"#)
            #expect(!search.contains(Self.canary))
            #expect(search.contains("\"success_count\":2"))
        }
    }

    @Test("a cached entry that fails validation is counted and the node falls through to generation")
    func failingCacheFallsThrough() async throws {
        let fake = FakeLLM(replies: [.text(Self.goodAnswer)])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let exact = MemoryExactCodeCacheStore()
        let prompt = "Compute the sum of the amounts"
        let key = try #require(
            ExactCacheKey.make(
                prompt: prompt, nodeType: "action", runtimeVersion: Self.settings.runtimeVersion,
                schema: InputSchema(context: request(prompt).context)))
        let broken = try #require(
            await exact.insertIfAbsent(
                ExactCacheDraft(
                    cacheKey: key, taskHash: "t", generatedCode: "x = 1", model: "m", originalPrompt: prompt, workflowID: 1, nodeID: "sum_node"),
                at: Date()))
        try await fake.run { llmURL in
            let outcome = await Self.pipeline(exact: exact, ragURL: "http://127.0.0.1:9", llmURL: llmURL, sandbox: sandbox, ragTimeoutSeconds: 2)
                .execute(
                    request(prompt))
            #expect(outcome.updates == ["total": 6])
            #expect(outcome.aiMetadata["code_source"] == "generated")
            #expect(outcome.aiMetadata["semantic_cache_search"]?["fallback_reason"] == "rag_unavailable")
            #expect(outcome.aiMetadata["doc_chunks"] == .array([]))
            #expect(outcome.aiMetadata["documentation_search"]?["error"]?.stringValue?.contains("nova-rag") == true)
            #expect(fake.requests.count == 1)
            #expect(fake.requests.first?.contains("Relevant documentation") == false)
            let searchMs = outcome.aiMetadata["semantic_cache_search"]?["search_time_ms"]
            #expect(
                searchMs.flatMap { if case .double(let ms) = $0 { ms } else { nil } } ?? .infinity < 15_000,
                "search took \(String(describing: searchMs))")
        }
        let entry = try #require(await exact.entry(cacheKey: key))
        #expect(entry.id == broken.id)
        #expect(entry.failureCount == 1)
    }

    @Test("with nova-rag down and the LLM failing every attempt, the node fails with its steps, and nothing is cached")
    func generationFails() async throws {
        let fake = FakeLLM(replies: [.text("```python\nimport json\nprint(json.dumps({'status': 'error', 'message': 'no'}))\n```"), .status(400)])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let exact = MemoryExactCodeCacheStore()
        try await fake.run { llmURL in
            let outcome = await Self.pipeline(exact: exact, ragURL: "http://127.0.0.1:9", llmURL: llmURL, sandbox: sandbox, ragTimeoutSeconds: 2)
                .execute(
                    request("Sum it all"))
            #expect(outcome.updates == nil)
            #expect(outcome.error?.contains("Code generation failed after 2 attempt(s)") == true)
            #expect(outcome.aiMetadata["status"] == "failed")
            #expect(outcome.steps.contains { $0.stepName == "e2b_execution" && $0.status == "failed" })
        }
        #expect(await exact.stats().totalCachedCodes == 0)
    }
}
