import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@testable import NovaRAG

/// A workflow with a prompt node, end to end: nova's routes, its workers, the code pipeline, a live nova-rag over
/// HTTP, python3 in the sandbox, and a fake LLM on the Anthropic Messages and OpenAI chat-completions wire formats.
@Suite("Prompt nodes in workflows")
struct PromptWorkflowTests {
    private typealias G = GraphFixtures
    private let canary = "canary-Flow-4242"

    private func run(_ client: any TestClientProtocol, workflowID: Int, context: JSONValue) async throws -> JSONValue {
        let (_, accepted) = try await client.post("/workflows/\(workflowID)/execute", .object(["initial_context": context]))
        let taskID = try #require(accepted?["task_id"]?.stringValue)
        for _ in 0..<300 {
            let (_, task) = try await client.call(.get, "/tasks/\(taskID)")
            if let task, !["PENDING", "STARTED", "RUNNING"].contains(task["status"]?.stringValue ?? "") { return task }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CreationFailed(description: "task \(taskID) did not finish")
    }

    /// A provider's variables (the fake's base URL appended), model and the token counts the fake reports for it.
    enum Provider: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case anthropic, openAI

        var testDescription: String { rawValue }
        var model: String { self == .anthropic ? "claude-sonnet-4-5" : "gpt-4o-mini" }
        var tokens: (input: Int, output: Int) { self == .anthropic ? (200, 50) : (120, 40) }

        func variables(_ llmURL: String) -> [String: String] {
            switch self {
            case .anthropic: ["ANTHROPIC_API_KEY": "ak-test", "ANTHROPIC_BASE_URL": llmURL]
            case .openAI: ["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": llmURL + "/v1", "CODE_GENERATOR_MODEL": model]
            }
        }
    }

    @Test(
        "the first run generates the node's code, the second reuses it from the exact cache; no secret reaches the LLM or the chain",
        arguments: Provider.allCases)
    func generateThenReuse(provider: Provider) async throws {
        let fake = FakeLLM(replies: [.text(CodePipelineTests.goodAnswer)])
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            try await fake.run { llmURL in
                let variables = [
                    "WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none", "RAG_SERVICE_URL": "http://127.0.0.1:\(ragClient.port!)",
                ].merging(provider.variables(llmURL)) { _, provider in provider }
                try await NovaApp.run(.sqlite, variables, queue: InProcessJobQueue()) { client in
                    let prompt = JSONValue.object(["id": "sum", "type": "action", "executor": "cached", "prompt": "Compute the sum of the amounts"])
                    let graph = G.graph(
                        nodes: [G.node("start", "start"), prompt, G.node("end", "end")], edges: [G.edge("start", "sum"), G.edge("sum", "end")])
                    let id = try await client.create("/workflows", .object(["name": "sum", "graph_definition": graph]))
                    let context = JSONValue.object(["amounts": .array([1, 2, 3]), "email_password": .string(canary)])
                    let first = try await run(client, workflowID: id, context: context)
                    #expect(first["status"] == "SUCCESS")
                    #expect(first["result"]?["final_context"]?["total"] == 6)
                    let second = try await run(client, workflowID: id, context: context)
                    #expect(second["status"] == "SUCCESS")
                    var sources: [JSONValue?] = []
                    for task in [first, second] {
                        let executionID = try #require(task["execution_id"]?.intValue)
                        let (_, chain) = try await client.call(.get, "/executions/\(executionID)/chain")
                        let node = chain?["entries"]?.arrayValue?.first { $0["node_id"] == "sum" }
                        sources.append(node?["ai_metadata"]?["code_source"])
                        if node?["ai_metadata"]?["code_source"] == "generated" {
                            #expect(node?["ai_metadata"]?["model"] == .string(provider.model))
                            #expect(node?["ai_metadata"]?["tokens_input"] == .int(provider.tokens.input))
                        }
                        if node?["ai_metadata"]?["code_source"] == "exact_hit" {
                            // Token counts are numbers in the stored chain, though their keys hold "token".
                            let generated = JSONValue.int(provider.tokens.input + provider.tokens.output)
                            #expect(node?["ai_metadata"]?["tokens_used"] == generated)
                            #expect(node?["ai_metadata"]?["generation_avoided"]?["tokens"] == generated)
                        }
                        #expect(chain?.jsonText.contains(canary) == false)
                    }
                    #expect(sources == ["generated", "exact_hit"])
                    #expect(fake.requests.count == 1)
                    let tokens = provider.tokens
                    let generationCost = try #require(
                        ModelPrices.costUSD(model: provider.model, inputTokens: tokens.input, outputTokens: tokens.output))
                    let (_, metrics) = try await client.call(.get, "/metrics")
                    let counted = try #require(metrics?["cache"]?["code_sources"])
                    #expect(counted["total_prompt_nodes"] == 2)
                    #expect(counted["generations_avoided"] == 1)
                    #expect(counted["hit_rate"]?.number == 0.5)
                    #expect(counted["by_source"]?["generated"]?["nodes"] == 1)
                    #expect(counted["by_source"]?["exact_hit"]?["nodes"] == 1)
                    #expect(counted["by_source"]?["exact_hit"]?["rate"]?.number == 0.5)
                    #expect(counted["tokens_saved"] == .int(tokens.input + tokens.output))
                    #expect(counted["tokens_spent"] == .int(tokens.input + tokens.output))
                    #expect(abs((counted["cost_saved_usd"]?.number ?? 0) - generationCost) < 1e-12)
                    let (_, stats) = try await client.call(.get, "/cache/stats")
                    #expect(stats?["code_sources"] == counted)
                }
            }
            for body in fake.requests { #expect(!body.contains(canary)) }
        }
    }
}
