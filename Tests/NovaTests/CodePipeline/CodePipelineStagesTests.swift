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

/// Generation stages around the code attempts, through the real pipeline: data analysis (stages 1–2), the LLM's
/// judgement of the output (stage 6), documentation snippets from a live nova-rag, and the exact cache's TTL.
@Suite("Code pipeline: analysis, LLM validation, documentation, cache expiry")
struct CodePipelineStagesTests {
    private static let canary = CodePipelineTests.canary
    private static let deadRAG = "http://127.0.0.1:9"

    /// The user message of a recorded Anthropic request.
    private static func userText(_ body: String) -> String {
        (JSONValue(jsonText: body)?["messages"]?.arrayValue ?? []).compactMap { $0["content"]?.stringValue }.joined(separator: "\n")
    }

    @Test("CSV input is analysed first; the analysis sees no values, its redacted insights reach the generation, the canary never does")
    func analysisFeedsGeneration() async throws {
        let csv = "date,amount,note\n2025-01-02,10.50,rent\n2025-01-03,4.25,\(Self.canary) pasted by mistake\n"
        let context: [String: JSONValue] = ["ledger_csv": .string(csv), "email_password": .string(Self.canary)]
        let analysis = """
            ```python
            import json
            lines = context['ledger_csv'].strip().split('\\n')
            insights = ["columns: " + lines[0], "rows: %d" % (len(lines) - 1), "last row: " + lines[-1], "keys seen: " + ",".join(sorted(context))]
            print(json.dumps({"status": "success", "context_updates": {"insights": insights}}))
            ```
            """
        let program = """
            ```python
            import csv, io, json
            rows = list(csv.DictReader(io.StringIO(context['ledger_csv'])))
            total = round(sum(float(row['amount']) for row in rows), 2)
            print(json.dumps({"status": "success", "context_updates": {"total": total}}))
            ```
            """
        let fake = FakeLLM(replies: [.text(analysis), .text(program)])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            let ragURL = "http://127.0.0.1:\(ragClient.port!)"
            try await fake.run { llmURL in
                let exact = MemoryExactCodeCacheStore()
                let outcome = await CodePipelineTests.pipeline(exact: exact, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox)
                    .execute(CodePipelineTests.request("Add up the amounts of the ledger", context: context))
                #expect(outcome.updates == ["total": .double(14.75)])
                #expect(
                    outcome.steps.map(\.stepName) == [
                        "input_analysis", "data_analysis", "analysis_code_validation", "analysis_execution", "analysis_validation", "code_generation",
                        "code_validation", "e2b_execution", "output_validation",
                    ])
                #expect(outcome.steps.filter { $0.stepNumber == 2 }.allSatisfy { $0.status == "success" })
                #expect(outcome.aiMetadata["input_analysis"]?["needs_analysis"] == true)
                #expect(outcome.aiMetadata["input_analysis"]?["keys"] == .array(["ledger_csv"]))
                let insights = outcome.aiMetadata["data_analysis"]?["insights"]?.arrayValue?.compactMap(\.stringValue) ?? []
                #expect(
                    insights == [
                        "columns: date,amount,note", "rows: 2", "last row: 2025-01-03,4.25,***REDACTED*** pasted by mistake", "keys seen: ledger_csv",
                    ])
                #expect(outcome.aiMetadata["tokens_input"] == 400)
                #expect(!outcome.aiMetadata.jsonText.contains(Self.canary))
                #expect(!outcome.steps.map { "\($0.outputData.jsonText) \($0.errorMessage ?? "")" }.joined().contains(Self.canary))
                #expect(fake.requests.count == 2)
                let asked = Self.userText(fake.requests[0])
                #expect(asked.contains("ledger_csv") && asked.contains("csv[3]"))
                for value in ["10.50", "rent", Self.canary] { #expect(!asked.contains(value)) }
                let generation = Self.userText(fake.requests[1])
                for insight in insights { #expect(generation.contains(insight)) }
                let saved = try #require(outcome.aiMetadata["_cache_metadata"]?["saved_for_future"])
                #expect(saved == true)
            }
            for body in fake.requests { #expect(!body.contains(Self.canary)) }
            let (_, search) = try await HTTPClient.shared.postJSON(
                ragURL + "/code/search", #"{"query": "Prompt: Add up the amounts of the ledger", "threshold": 0}"#)
            #expect(search.contains("DictReader"))
            #expect(!search.contains(Self.canary) && !search.contains("REDACTED"))
        }
    }

    @Test("when analysis code fails every attempt, the failures are steps and the node is generated without insights")
    func failedAnalysisStillGenerates() async throws {
        let context: [String: JSONValue] = ["ledger_csv": "date,amount\n2025-01-02,10.50\n2025-01-03,4.25\n"]
        let program = """
            ```python
            import csv, io, json
            rows = list(csv.DictReader(io.StringIO(context['ledger_csv'])))
            print(json.dumps({"status": "success", "context_updates": {"rows": len(rows)}}))
            ```
            """
        let fake = FakeLLM(replies: [
            .text("```python\nprint('no result line')\n```"), .text("```python\nimport json\nraise ValueError('boom')\nprint(json.dumps({}))\n```"),
            .text(program),
        ])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        try await fake.run { llmURL in
            let outcome = await CodePipelineTests.pipeline(exact: MemoryExactCodeCacheStore(), ragURL: Self.deadRAG, llmURL: llmURL, sandbox: sandbox)
                .execute(CodePipelineTests.request("Count the ledger rows", context: context))
            #expect(outcome.updates == ["rows": 2])
            let analysis = outcome.steps.filter { $0.stepNumber == 2 }
            #expect(
                analysis.map { "\($0.stepName):\($0.attemptNumber):\($0.status)" } == [
                    "data_analysis:1:success", "analysis_code_validation:1:failed", "data_analysis:2:success", "analysis_code_validation:2:success",
                    "analysis_execution:2:failed", "analysis_validation:2:failed",
                ])
            #expect(outcome.aiMetadata["data_analysis"]?["status"] == "failed")
            #expect(outcome.aiMetadata["data_analysis"]?["error"]?.stringValue?.contains("boom") == true)
            #expect(fake.requests.count == 3)
            #expect(Self.userText(fake.requests[1]).contains("does not print its result"))
            #expect(!Self.userText(fake.requests[2]).contains("What analysis of the data found"))
        }
    }

    @Test("with VALIDATE_OUTPUT_WITH_LLM the model's rejection of an output is fed back, and only the accepted code is saved")
    func llmValidationRejectsThenAccepts() async throws {
        let counting = "```python\nimport json\nprint(json.dumps({'status': 'success', 'context_updates': {'total': len(context['amounts'])}}))\n```"
        let fake = FakeLLM(replies: [
            .text(counting), .text(#"{"valid": false, "reason": "total must be the sum of the amounts, not their count"}"#),
            .text(CodePipelineTests.goodAnswer), .text(#"Checked. {"valid": true, "reason": "the total is the sum"}"#),
        ])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let settings = CodePipelineSettings(model: CodePipelineTests.settings.model, runtimeVersion: "test-3", validateOutputWithLLM: true)
        let exact = MemoryExactCodeCacheStore()
        let request = CodePipelineTests.request(
            "Compute the sum of the amounts", context: ["amounts": .array([1, 2, 3]), "email_password": .string(Self.canary)])
        try await fake.run { llmURL in
            let outcome = await CodePipelineTests.pipeline(exact: exact, ragURL: Self.deadRAG, llmURL: llmURL, sandbox: sandbox, settings: settings)
                .execute(request)
            #expect(outcome.updates == ["total": 6])
            #expect(outcome.aiMetadata["attempts"] == 2)
            let judged = outcome.steps.filter { $0.agentName == "LLMOutputValidator" }
            #expect(judged.map(\.status) == ["failed", "success"])
            #expect(judged.first?.errorMessage?.contains("not their count") == true)
            #expect(judged.allSatisfy { $0.stepNumber == 6 && $0.tokensInput == 200 })
            #expect(outcome.aiMetadata["errors"]?.arrayValue?.first?["stage"] == "output_validation")
            #expect(fake.requests.count == 4)
            let verdictQuestion = Self.userText(fake.requests[1])
            #expect(verdictQuestion.contains("Compute the sum of the amounts") && verdictQuestion.contains("\"total\": 3"))
            #expect(Self.userText(fake.requests[2]).contains("total must be the sum of the amounts, not their count"))
        }
        for body in fake.requests { #expect(!body.contains(Self.canary)) }
        let saved = try #require(await exact.entries(limit: 10, offset: 0).items.first)
        #expect(saved.generatedCode.contains("sum(context['amounts'])"))
        #expect(await exact.stats().totalCachedCodes == 1)
    }

    @Test("the generation prompt carries nova-rag's documentation for the node's prompt, and ai_metadata cites the chunks")
    func documentationSnippets() async throws {
        let env = try TestEnvironment()
        try KnowledgeFixture(root: env.knowledge).writeSample()
        let prompt = "Send the report by SMTP with the file as an attachment"
        let fake = FakeLLM(replies: [.text(CodePipelineTests.goodAnswer)])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: env.rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            try await ragClient.waitUntilHealthy()
            let ragURL = "http://127.0.0.1:\(ragClient.port!)"
            let expected = try await NovaRAGClient(baseURL: ragURL, apiKey: nil, timeoutSeconds: 15).query(RAGQueryRequest(query: prompt, topK: 3))
                .results
            #expect(!expected.isEmpty)
            try await fake.run { llmURL in
                let outcome = await CodePipelineTests.pipeline(exact: MemoryExactCodeCacheStore(), ragURL: ragURL, llmURL: llmURL, sandbox: sandbox)
                    .execute(CodePipelineTests.request(prompt, context: ["amounts": .array([1, 2, 3])]))
                #expect(outcome.updates == ["total": 6])
                let cited = outcome.aiMetadata["doc_chunks"]?.arrayValue ?? []
                #expect(cited.compactMap { $0["id"]?.stringValue } == expected.map(\.id))
                #expect(cited.compactMap { $0["file"]?.stringValue } == expected.map(\.file))
                #expect(outcome.aiMetadata["documentation_search"]?["error"] == nil)
                let call = try #require(outcome.steps.first { $0.stepName == "code_generation" }?.toolCalls.arrayValue?.first)
                #expect(call["function"] == "search_documentation")
                #expect(call["result_preview"]?.stringValue == expected.map(\.id).joined(separator: ", "))
                #expect(outcome.aiMetadata["code_generation"]?["tool_calls"] == .array([call]))
                let generation = Self.userText(try #require(fake.requests.first))
                #expect(generation.contains("Relevant documentation"))
                for result in expected { #expect(generation.contains(String(result.text.prefix(1500)))) }
            }
        }
    }

    @Test("a nova-rag that never answers costs five prompt nodes the breaker's three deadlines; later lookups fail at once")
    func hangingRAG() async throws {
        let router = Router()
        for path in ["/code/search", "/code/save", "/rag/query"] {
            router.post(RouterPath(path)) { _, _ -> Response in
                try await Task.sleep(for: .seconds(3))
                return Response(status: .ok)
            }
        }
        let hanging = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let fake = FakeLLM(replies: Array(repeating: .text(CodePipelineTests.goodAnswer), count: 5))
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        try await hanging.test(.live) { ragClient in
            try await fake.run { llmURL in
                let pipeline = CodePipelineTests.pipeline(
                    exact: MemoryExactCodeCacheStore(), ragURL: "http://127.0.0.1:\(ragClient.port!)", llmURL: llmURL, sandbox: sandbox,
                    ragTimeoutSeconds: 0.5)
                var waitedMs = 0.0
                for node in 1...5 {
                    let outcome = await pipeline.execute(
                        CodePipelineTests.request("Compute the sum of the amounts, variant \(node)", context: ["amounts": .array([1, 2, 3])]))
                    #expect(outcome.updates == ["total": 6])
                    let timings = outcome.aiMetadata["timings"]
                    waitedMs += (timings?["cache_lookup_ms"]?.number ?? 0) + (timings?["documentation_ms"]?.number ?? 0)
                    if node > 1 {
                        #expect(
                            outcome.aiMetadata["semantic_cache_search"]?["search_error"]?.stringValue?.contains("circuit breaker is open") == true)
                        #expect(outcome.aiMetadata["documentation_search"]?["error"]?.stringValue?.contains("circuit breaker is open") == true)
                    }
                }
                // Without deadlines the ten lookups would wait 3 s each; the bound is loose because a loaded machine is slow.
                #expect(waitedMs < 25_000, "waited \(waitedMs) ms for nova-rag over five nodes")
            }
        }
    }

    @Test("an exact-cache entry older than the TTL is a miss: it is purged and the node is generated and saved anew")
    func expiredExactEntry() async throws {
        let fake = FakeLLM(replies: [.text(CodePipelineTests.goodAnswer)])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let settings = CodePipelineSettings(
            model: CodePipelineTests.settings.model, runtimeVersion: "test-3", exactCachePolicy: ExactCachePolicy(ttlSeconds: 3600, maxEntries: nil))
        let exact = MemoryExactCodeCacheStore()
        let stats = MemoryCodeSourceStatsStore()
        let prompt = "Compute the sum of the amounts"
        let request = CodePipelineTests.request(prompt, context: ["amounts": .array([1, 2, 3])])
        let key = try #require(
            ExactCacheKey.make(
                prompt: prompt, nodeType: "action", runtimeVersion: settings.runtimeVersion, schema: InputSchema(context: request.context)))
        let stale = try #require(
            await exact.insertIfAbsent(
                ExactCacheDraft(
                    cacheKey: key, taskHash: "t", generatedCode: GeneratedCodeExtractor.code(from: CodePipelineTests.goodAnswer), model: "m",
                    originalPrompt: prompt, workflowID: 1, nodeID: "sum_node"),
                at: Date().addingTimeInterval(-7200)))
        try await fake.run { llmURL in
            let pipeline = CodePipelineTests.pipeline(
                exact: exact, ragURL: Self.deadRAG, llmURL: llmURL, sandbox: sandbox, settings: settings, stats: stats)
            let first = await pipeline.execute(request)
            #expect(first.aiMetadata["code_source"] == "generated")
            #expect(fake.requests.count == 1)
            let fresh = try #require(await exact.entry(cacheKey: key))
            #expect(fresh.id != stale.id)
            let second = await pipeline.execute(request)
            #expect(second.aiMetadata["code_source"] == "exact_hit")
            #expect(second.aiMetadata["generation_avoided"]?["tokens"] == 250)
            #expect(second.aiMetadata["timings"]?["cache_lookup_ms"]?.number != nil)
        }
        let totals = await stats.totals()
        #expect(totals.counts(.generated).nodes == 1)
        #expect(totals.counts(.exactHit).nodes == 1)
        #expect(totals.generationsAvoided == 1)
        #expect(totals.tokensSaved == 250)
        #expect(totals.counts(.generated).tokensInput == 200)
    }
}
