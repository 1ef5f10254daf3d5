import Foundation
import NovaCore
import NovaJSON
import RAGCore
import Testing

@testable import NovaRAG

/// `examples/code-pack.json`, the seed pack scripts/demo.sh imports when no LLM key is set: its bodies are valid
/// `/code/save` bodies marked as seed code, and its code, run in the real sandbox along `examples/invoice-workflow.json`
/// on every sample invoice, produces the right bookings.
@Suite("Invoice example seed pack")
struct SeedPackTests {
    /// What a run on each sample invoice must end with.
    private struct Expected: Sendable {
        let vendorID: String
        let lineAmounts: [Double]
        let totalEUR: Double
        let approvalStatus: String
        let postingStatus: String
    }

    private static let expected: [String: Expected] = [
        "acme-office-supplies.txt": Expected(
            vendorID: "V-1001", lineAmounts: [1150, 420.5], totalEUR: 1900.31, approvalStatus: "pending", postingStatus: "held_for_approval"),
        "nordlicht-druckerei.txt": Expected(
            vendorID: "V-1002", lineAmounts: [89, 210], totalEUR: 355.81, approvalStatus: "auto_approved", postingStatus: "posted"),
        "pacific-cloud.txt": Expected(
            vendorID: "UNKNOWN", lineAmounts: [640, 135], totalEUR: 713, approvalStatus: "pending", postingStatus: "held_for_approval"),
    ]

    private func pack() throws -> [String: CodeSaveInput] {
        Dictionary(uniqueKeysWithValues: try ImportCommand.read(InvoiceExample.packFile.path).map { ($0.nodeAction, $0) })
    }

    @Test("one valid body per prompt node, marked seed, for no workflow, with the keys and modules its code uses, described in other words")
    func bodies() throws {
        let pack = try pack()
        let nodes = try InvoiceExample.nodes()
        let promptNodes = nodes.filter { $0.value["executor"] == "cached" }
        #expect(Set(pack.keys) == Set(promptNodes.keys))
        #expect(try InvoiceExample.pack().count == promptNodes.count)
        for (node, body) in pack {
            #expect(body.extraMetadata["source"] == "seed", "\(node)")
            #expect(body.workflowID == nil, "\(node)")
            #expect(body.requiredKeys == CodeFacts.requiredKeys(in: body.code), "\(node)")
            #expect(body.librariesUsed == CodeFacts.librariesUsed(in: body.code), "\(node)")
            #expect(body.nodeDescription == String(body.aiDescription.prefix(100)), "\(node)")
            let prompt = try #require(promptNodes[node]?["prompt"]?.stringValue)
            #expect(Self.wordEditShare(prompt, body.aiDescription) >= 0.4, "\(node): the description must paraphrase the prompt, not repeat it")
        }
    }

    @Test(
        "along the workflow, every entry runs in the sandbox on the node's own input schema and the invoice is booked right",
        arguments: InvoiceExample.invoices)
    func workflowPath(invoice: String) async throws {
        let pack = try pack()
        let nodes = try InvoiceExample.nodes()
        let expected = try #require(Self.expected[invoice])
        var context = try InvoiceExample.initialContext(invoice: invoice)
        var visited: [String] = []
        var current = try InvoiceExample.next(after: "start", decision: nil)
        while let id = current, id != "end", visited.count < nodes.count {
            let node = try #require(nodes[id])
            visited.append(id)
            let job: SandboxJob
            if let entry = pack[id] {
                #expect(
                    InputSchema(context: context).types == entry.inputSchema, "\(id) on \(invoice): the pack's schema differs from the node's input")
                job = SandboxJob(code: entry.code, context: context, kind: .generated, timeout: .seconds(30), network: .none)
            } else {
                job = SandboxJob(
                    code: try #require(node["code"]?.stringValue), context: context, kind: .handWritten, timeout: .seconds(30), network: .none)
            }
            let result = try await SandboxFixture.sandbox.run(job)
            guard case .success(let updates) = result.outcome else {
                Issue.record("\(id) failed on \(invoice): \(result.outcome) \(result.output.stderr)")
                return
            }
            let decision = node["type"] == "decision" ? id : nil
            #expect(OutputValidator.check(updates: updates, before: context, decisionNodeID: decision) == nil, "\(id) on \(invoice)")
            context = ContextMerge.merge(updates, into: context)
            current = try InvoiceExample.next(after: id, decision: decision.flatMap { RunStateMachine.decisionValue(of: $0, in: context) })
        }
        #expect(current == "end")
        #expect(visited.contains("request_approval") == (expected.approvalStatus == "pending"))
        #expect(context["vendor_id"] == .string(expected.vendorID))
        #expect(context["line_amounts"]?.arrayValue?.compactMap(\.number) == expected.lineAmounts)
        #expect(context["total_eur"]?.number == expected.totalEUR)
        #expect(context["totals_ok"] == true)
        #expect(context["approval_status"] == .string(expected.approvalStatus))
        #expect(context["posting_status"] == .string(expected.postingStatus))
        let lines = context["journal_entry"]?["lines"]?.arrayValue ?? []
        let debits = lines.compactMap { $0["debit"]?.number }.reduce(0, +)
        let credits = lines.compactMap { $0["credit"]?.number }.reduce(0, +)
        #expect(lines.count == 3)
        #expect(abs(debits - expected.totalEUR) < 0.005 && abs(credits - expected.totalEUR) < 0.005)
    }

    /// The word-level edit distance between the texts (lower-cased words) as a share of the longer one's words.
    private static func wordEditShare(_ first: String, _ second: String) -> Double {
        func words(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        let (a, b) = (words(first), words(second))
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return Double(a.isEmpty ? b.count : previous[b.count]) / Double(max(1, a.count, b.count))
    }
}
