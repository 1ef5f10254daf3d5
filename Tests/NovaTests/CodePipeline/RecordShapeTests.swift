import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import ServiceKit
import Shared
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// Pins the full JSON of the records nova stores and answers — a generated node's `ai_metadata`, an exact hit's, a
/// failed node's, and task results — against documents in `Tests/Fixtures/records`, so that a change of key names, of
/// which keys are present or null, or of number formatting (`21.0` stays a float) fails here. Durations vary from run
/// to run: every member whose key ends in `_ms` is replaced by `<int>` or `<double>` before comparing, which still
/// pins its presence and its kind of number.
@Suite("Record shapes: ai_metadata and task results, byte for byte")
struct RecordShapeTests {
    private static let canary = CodePipelineTests.canary

    /// The committed document `name`.
    private static func expected(_ name: String) throws -> String {
        let url = TestEnvironment.repository.appendingPathComponent("Tests/Fixtures/records/\(name).json")
        return try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `value` with durations replaced by the kind of their number.
    private static func withoutDurations(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var normalised: [String: JSONValue] = [:]
            for (key, member) in members {
                switch member {
                case .double where key.hasSuffix("_ms"): normalised[key] = "<double>"
                case .int where key.hasSuffix("_ms"): normalised[key] = "<int>"
                default: normalised[key] = withoutDurations(member)
                }
            }
            return .object(normalised)
        case .array(let elements): return .array(elements.map(withoutDurations))
        default: return value
        }
    }

    private static func expectPinned(_ value: JSONValue, _ name: String) throws {
        let actual = withoutDurations(value).jsonText
        #expect(actual == (try expected(name)), "\(name).json differs; the record is now:\n\(actual)")
    }

    @Test("a generated node (analysis, documentation, a rejected first attempt), then its exact hit")
    func generatedThenExactHit() async throws {
        let env = try TestEnvironment()
        try KnowledgeFixture(root: env.knowledge).writeSample()
        let csv = "date,amount,note\n2025-01-02,10.50,rent\n2025-01-03,4.25,\(Self.canary) pasted by mistake\n"
        let context: [String: JSONValue] = ["ledger_csv": .string(csv), "email_password": .string(Self.canary)]
        let analysis = """
            ```python
            import json
            lines = context['ledger_csv'].strip().split('\\n')
            print(json.dumps({"status": "success", "context_updates": {"insights": ["rows: %d" % (len(lines) - 1), "last: " + lines[-1]]}}))
            ```
            """
        let program = """
            ```python
            import csv, io, json
            rows = list(csv.DictReader(io.StringIO(context['ledger_csv'])))
            print("read", len(rows), "rows of", context['email_password'])
            total = round(sum(float(row['amount']) for row in rows), 2)
            print(json.dumps({"status": "success", "context_updates": {"total": total}}))
            ```
            """
        let fake = FakeLLM(replies: [.text(analysis), .text("```python\nprint('hello')\n```"), .text(program)])
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: env.rag()), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            try await ragClient.waitUntilHealthy()
            let ragURL = "http://127.0.0.1:\(ragClient.port!)"
            try await fake.run { llmURL in
                let exact = MemoryExactCodeCacheStore()
                let request = CodePipelineTests.request("Add up the amounts of the ledger and send the total by SMTP", context: context)
                let generated = await CodePipelineTests.pipeline(exact: exact, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox).execute(request)
                #expect(generated.updates == ["total": .double(14.75)])
                try Self.expectPinned(generated.aiMetadata, "ai_metadata_generated")
                let hit = await CodePipelineTests.pipeline(exact: exact, ragURL: ragURL, llmURL: llmURL, sandbox: sandbox).execute(request)
                #expect(hit.updates == ["total": .double(14.75)])
                try Self.expectPinned(hit.aiMetadata, "ai_metadata_exact_hit")
            }
        }
    }

    @Test("a node that cannot be generated (no LLM, no nova-rag)")
    func failedWithoutLLM() async throws {
        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        let pipeline = CodePipeline(
            exactCache: MemoryExactCodeCacheStore(), semantic: nil, documentation: nil, llm: nil, sandbox: sandbox,
            syntax: ProcessPythonSyntaxChecker(), stats: nil, settings: CodePipelineTests.settings, wallClock: SystemWallClock())
        let outcome = await pipeline.execute(
            CodePipelineTests.request(
                "Compute the sum of the amounts", context: ["amounts": .array([1, 2, 3]), "email_password": .string(Self.canary)]))
        #expect(outcome.updates == nil)
        try Self.expectPinned(outcome.aiMetadata, "ai_metadata_failed")
    }

    @Test("task results of a completed, a failed and a cancelled run")
    func taskResults() throws {
        let context: JSONValue = .object([
            "amount": .double(21.0), "count": 3, "nested": .object(["list": .array([1, .double(2.5), .null, "x"])]), "flag": true,
        ])
        let trace = [
            WorkflowRunOutcome.TraceEntry(nodeID: "start", nodeType: "start", status: "success"),
            WorkflowRunOutcome.TraceEntry(nodeID: "sum", nodeType: "action", status: "success"),
        ]
        let completed = WorkflowRunOutcome(status: .completed, context: context, trace: trace, nodesExecuted: 2, failure: nil)
        let failed = WorkflowRunOutcome(
            status: .failed, context: context, trace: trace, nodesExecuted: nil, failure: .node("sum", "Division by zero"))
        let stopped = WorkflowRunOutcome(
            status: .failed, context: context, trace: trace, nodesExecuted: nil, failure: .visitLimit(100))
        let cancelled = WorkflowRunOutcome(status: .cancelled, context: context, trace: trace, nodesExecuted: nil, failure: nil)
        let results: JSONValue = .array(
            [completed, failed, stopped, cancelled].map { ExecutionJobProcessor.taskResult($0, executionID: 7) })
        try Self.expectPinned(results, "task_results")
    }
}
