import Foundation
import NovaJSON

/// The invoice-intake example of `examples/`: the workflow, the seed pack and the sample inputs, read from the
/// repository as scripts/demo.sh reads them.
enum InvoiceExample {
    /// `examples/`.
    static let folder = TestEnvironment.repository.appendingPathComponent("examples")

    /// `examples/code-pack.json`.
    static let packFile = folder.appendingPathComponent("code-pack.json")

    /// The sample invoices, by file name.
    static let invoices = ["acme-office-supplies.txt", "nordlicht-druckerei.txt", "pacific-cloud.txt"]

    /// The invoice scripts/demo.sh runs on, whose input schemas the pack's entries carry.
    static let demoInvoice = "acme-office-supplies.txt"

    /// `examples/invoice-workflow.json` as a `POST /workflows` body.
    static func workflow() throws -> JSONValue {
        try json("invoice-workflow.json")
    }

    /// The pack's bodies, as written.
    static func pack() throws -> [JSONValue] {
        try json("code-pack.json").arrayValue ?? []
    }

    /// The context a run on `invoice` starts with, built like scripts/lib/nova_demo.py builds it.
    static func initialContext(invoice: String) throws -> [String: JSONValue] {
        var context = try json("invoice-settings.json").objectValue ?? [:]
        context["invoice_text"] = .string(try text("invoices/\(invoice)"))
        context["vendors_csv"] = .string(try text("vendors.csv"))
        return context
    }

    /// The graph's nodes, by id.
    static func nodes() throws -> [String: JSONValue] {
        let nodes = try workflow()["graph_definition"]?["nodes"]?.arrayValue ?? []
        return Dictionary(uniqueKeysWithValues: nodes.compactMap { node in node["id"]?.stringValue.map { ($0, node) } })
    }

    /// The id of the node after `node`: the only edge's target, or the edge whose condition is `decision`.
    static func next(after node: String, decision: String?) throws -> String? {
        let edges = (try workflow()["graph_definition"]?["edges"]?.arrayValue ?? []).filter { $0["from"]?.stringValue == node }
        let edge = edges.count == 1 ? edges.first : edges.first { $0["condition"]?.stringValue == decision }
        return edge?["to"]?.stringValue
    }

    private static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    private static func json(_ name: String) throws -> JSONValue {
        guard let value = JSONValue(jsonText: try text(name)) else { throw CreationFailed(description: "examples/\(name) is not JSON") }
        return value
    }
}
