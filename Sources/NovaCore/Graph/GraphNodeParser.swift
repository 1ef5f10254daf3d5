import Foundation
import NovaJSON

/// Reads one node object of a graph definition, enforcing the field rules of docs/api.md §3.8.
enum GraphNodeParser {
    private static let commonFields: Set<String> = ["id", "type", "label"]

    static func parse(_ value: JSONValue, index: Int) throws -> GraphNode {
        guard let object = value.objectValue else { throw GraphValidationError("Failed to parse node at index \(index): a node must be an object") }
        guard let id = object["id"]?.stringValue, !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw GraphValidationError("Failed to parse node at index \(index): 'id' must be a non-empty string")
        }
        func fail(_ reason: String) -> GraphValidationError { GraphValidationError("Failed to parse node \(id): \(reason)") }
        guard let typeName = object["type"]?.stringValue else { throw fail("'type' must be a string") }
        guard let kind = GraphNode.Kind(rawValue: typeName) else {
            throw fail("unknown node type '\(typeName)' (expected start, end, action or decision)")
        }
        var node = GraphNode(id: id, kind: kind, attributes: object)
        switch object["label"] {
        case nil, .null?: break
        case .string(let label)?: node.label = label
        default: throw fail("'label' must be a string")
        }
        if kind == .start || kind == .end {
            if let extra = object.keys.sorted().first(where: { !commonFields.contains($0) }) {
                throw fail("a \(kind.rawValue) node takes no field '\(extra)'")
            }
            return node
        }
        try readExecutable(object, into: &node, fail: fail)
        return node
    }

    private static func readExecutable(_ object: [String: JSONValue], into node: inout GraphNode, fail: (String) -> GraphValidationError) throws {
        let executorName = try text(object["executor"], "executor", fail: fail) ?? GraphNode.Executor.e2b.rawValue
        guard let executor = GraphNode.Executor(rawValue: executorName) else {
            throw fail("unknown executor '\(executorName)' (expected e2b, cached or ai)")
        }
        node.executor = executor
        node.code = try text(object["code"], "code", fail: fail)
        node.prompt = try text(object["prompt"], "prompt", fail: fail)
        switch object["timeout"] {
        case nil, .null?: break
        case .int(let seconds)? where (1...300).contains(seconds): node.timeout = seconds
        default: throw fail("'timeout' must be an integer from 1 to 300 (seconds)")
        }
        switch (executor, node.kind) {
        case (.e2b, _) where node.code == nil: throw fail("an e2b node needs 'code'")
        case (.e2b, .action) where node.prompt != nil: throw fail("an e2b action node takes 'code', not 'prompt'")
        case (.cached, _) where node.prompt == nil, (.ai, _) where node.prompt == nil: throw fail("a \(executor.rawValue) node needs 'prompt'")
        case (.cached, .action) where node.code != nil, (.ai, .action) where node.code != nil:
            throw fail("a \(executor.rawValue) action node takes 'prompt', not 'code'")
        default: break
        }
    }

    /// A non-empty string member, nil when absent or null.
    private static func text(_ value: JSONValue?, _ name: String, fail: (String) -> GraphValidationError) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)? where !text.isEmpty: return text
        default: throw fail("'\(name)' must be a non-empty string")
        }
    }
}
