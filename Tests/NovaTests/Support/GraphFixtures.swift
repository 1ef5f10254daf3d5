import NovaJSON

/// Graph definitions for validation and route tests.
enum GraphFixtures {
    /// start → read (hand-written code) → end.
    static let linear: JSONValue = graph(
        nodes: [node("start", "start"), code("read", "context['x'] = 1"), node("end", "end")],
        edges: [edge("start", "read"), edge("read", "end")])

    /// The decision example of docs/api.md §3.8.
    static let decision: JSONValue = graph(
        nodes: [
            node("start", "start"), code("read", "context['x'] = 1"), code("is_big", "context['is_big'] = context['x'] > 0", type: "decision"),
            .object([
                "id": .string("summarise"), "type": .string("action"), "executor": .string("cached"),
                "prompt": .string("Sum all amounts in context['expenses']"),
            ]),
            node("end", "end"),
        ],
        edges: [
            edge("start", "read"), edge("read", "is_big"), edge("is_big", "summarise", condition: "true"), edge("is_big", "end", condition: "false"),
            edge("summarise", "end"),
        ])

    static func graph(nodes: [JSONValue], edges: [JSONValue]) -> JSONValue {
        .object(["nodes": .array(nodes), "edges": .array(edges)])
    }

    static func node(_ id: String, _ type: String) -> JSONValue {
        .object(["id": .string(id), "type": .string(type)])
    }

    static func code(_ id: String, _ code: String, type: String = "action") -> JSONValue {
        .object(["id": .string(id), "type": .string(type), "executor": .string("e2b"), "code": .string(code)])
    }

    static func edge(_ from: String, _ to: String, condition: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["from": .string(from), "to": .string(to)]
        if let condition { members["condition"] = .string(condition) }
        return .object(members)
    }
}
