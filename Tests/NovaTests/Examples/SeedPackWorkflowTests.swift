import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@testable import NovaRAG

/// What scripts/demo.sh shows without an API key, checked: the seed pack imported with `nova-rag import
/// --workflow-id`, nova-rag on the built-in MiniLM model over HTTP, nova with no LLM configured, the real sandbox.
@Suite("Invoice example with the seed pack and no LLM")
struct SeedPackWorkflowTests {
    /// Runs the real `nova-rag import` executable on the pack for `workflowID` with `variables` only.
    private func importPack(workflowID: Int, variables: [String: String]) throws {
        let process = Process()
        process.executableURL = ServiceProcess.binaryDirectory.appendingPathComponent("nova-rag")
        process.arguments = ["import", "--workflow-id", String(workflowID), InvoiceExample.packFile.path]
        process.environment = variables.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CreationFailed(description: "nova-rag import failed: \(log)") }
    }

    private func execute(_ client: any TestClientProtocol, workflowID: Int, invoice: String) async throws -> (task: JSONValue, chain: [JSONValue]) {
        let context = JSONValue.object(try InvoiceExample.initialContext(invoice: invoice))
        let (_, accepted) = try await client.post("/workflows/\(workflowID)/execute", .object(["initial_context": context]))
        let taskID = try #require(accepted?["task_id"]?.stringValue)
        for _ in 0..<600 {
            let (_, task) = try await client.call(.get, "/tasks/\(taskID)")
            if let task, !["PENDING", "STARTED", "RUNNING"].contains(task["status"]?.stringValue ?? "") {
                let executionID = try #require(task["execution_id"]?.intValue)
                let (_, chain) = try await client.call(.get, "/executions/\(executionID)/chain")
                return (task, chain?["entries"]?.arrayValue ?? [])
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CreationFailed(description: "task \(taskID) did not finish")
    }

    @Test("run 1 reuses every prompt node's seed code by meaning, run 2 by key; nothing is generated")
    func semanticThenExact() async throws {
        let env = try TestEnvironment()
        let ragVariables = ["NOVA_RAG_DATA_DIR": env.directory.path, "EMBEDDING_PROVIDER": "local", "NOVA_MODEL_DIR": TestEnvironment.modelDirectory]
        // A fresh database numbers its first workflow 1, so the pack can be imported before nova-rag starts.
        try importPack(workflowID: 1, variables: ragVariables)
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: env.rag(ragVariables)), logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            try await ragClient.waitUntilHealthy(seconds: 120)
            // The debug build embeds queries slowly under load; a generous deadline keeps the search from timing out.
            let variables = ["WORKER_CONCURRENCY": "1", "RAG_SERVICE_URL": "http://127.0.0.1:\(ragClient.port!)", "RAG_TIMEOUT_SECONDS": "30"]
            try await NovaApp.run(.sqlite, variables, queue: InProcessJobQueue()) { client in
                let workflowID = try await client.create("/workflows", try InvoiceExample.workflow())
                try #require(workflowID == 1)
                let promptNodes = Set(try InvoiceExample.nodes().filter { $0.value["executor"] == "cached" }.keys)
                for expectedSource in ["semantic_hit", "exact_hit"] {
                    let (task, chain) = try await execute(client, workflowID: workflowID, invoice: InvoiceExample.demoInvoice)
                    #expect(task["status"] == "SUCCESS", "\(task["error"] ?? .null)")
                    #expect(task["result"]?["final_context"]?["posting_status"] == "held_for_approval")
                    let prompted = chain.filter { promptNodes.contains($0["node_id"]?.stringValue ?? "") }
                    #expect(Set(prompted.compactMap { $0["node_id"]?.stringValue }) == promptNodes)
                    for entry in prompted {
                        let node = entry["node_id"]?.stringValue ?? ""
                        #expect(entry["ai_metadata"]?["code_source"] == .string(expectedSource), "\(node)")
                        #expect(entry["steps"]?.arrayValue?.isEmpty == true, "\(node)")
                        if expectedSource == "semantic_hit" {
                            #expect(entry["ai_metadata"]?["_cache_metadata"]?["matched_action"] == .string(node), "\(node)")
                        }
                    }
                }
            }
        }
    }
}
