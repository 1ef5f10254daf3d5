import NovaJSON

/// A structurally valid workflow graph: one start node, at least one end node, no dangling edges, every node
/// reachable from the start, decision nodes with at least two labelled edges (docs/api.md §3.8, D14).
///
/// Built with ``init(definition:)``, which throws ``GraphValidationError`` with the contract's reason texts; Python
/// syntax of hand-written code is checked separately by ``WorkflowGraphValidator``.
package struct WorkflowGraph: Sendable, Equatable {
    /// Nodes in definition order.
    package let nodes: [GraphNode]
    /// Edges in definition order (the order decisions try them in).
    package let edges: [GraphEdge]

    /// Parses and checks a `graph_definition` object (only `nodes` and `edges` are read).
    package init(definition: JSONValue) throws {
        let (nodeValues, edgeValues) = try Self.lists(of: definition)
        let nodes = try nodeValues.enumerated().map { index, value in try GraphNodeParser.parse(value, index: index) }
        var seen: Set<String> = []
        for node in nodes where !seen.insert(node.id).inserted {
            throw GraphValidationError("Duplicate node id: \(node.id)")
        }
        let starts = nodes.filter { $0.kind == .start }.count
        guard starts == 1 else { throw GraphValidationError("Workflow must have exactly one StartNode (found \(starts))") }
        guard nodes.contains(where: { $0.kind == .end }) else { throw GraphValidationError("Workflow must have at least one EndNode") }
        let edges = try edgeValues.map { try Self.edge($0, knownIDs: seen) }
        self.nodes = nodes
        self.edges = edges
        try checkDecisions()
        try checkReachability()
    }

    /// The start node.
    package var start: GraphNode {
        nodes.first { $0.kind == .start }!
    }

    /// The node with this id.
    package func node(id: String) -> GraphNode? {
        nodes.first { $0.id == id }
    }

    /// The edges leaving `id`, in definition order.
    package func outgoing(from id: String) -> [GraphEdge] {
        edges.filter { $0.from == id }
    }

    private static func lists(of definition: JSONValue) throws -> ([JSONValue], [JSONValue]) {
        guard let object = definition.objectValue else { throw GraphValidationError("Workflow definition must be a JSON object") }
        guard let nodes = object["nodes"] else { throw GraphValidationError("Workflow definition missing 'nodes' field") }
        guard let edges = object["edges"] else { throw GraphValidationError("Workflow definition missing 'edges' field") }
        guard let nodeList = nodes.arrayValue else { throw GraphValidationError("Workflow definition field 'nodes' must be a list") }
        guard let edgeList = edges.arrayValue else { throw GraphValidationError("Workflow definition field 'edges' must be a list") }
        return (nodeList, edgeList)
    }

    private static func edge(_ value: JSONValue, knownIDs: Set<String>) throws -> GraphEdge {
        guard let from = value["from"]?.stringValue, let to = value["to"]?.stringValue else {
            throw GraphValidationError("Edge missing 'from' or 'to': \(value.jsonText)")
        }
        for id in [from, to] where !knownIDs.contains(id) {
            throw GraphValidationError("Edge references non-existent node: \(id)")
        }
        switch value["condition"] {
        case nil, .null?: return GraphEdge(from: from, to: to)
        case .string(let condition)?: return GraphEdge(from: from, to: to, condition: condition)
        case .bool(let flag)?: return GraphEdge(from: from, to: to, condition: flag ? "true" : "false")
        default: throw GraphValidationError("Edge \(from) -> \(to): 'condition' must be a string")
        }
    }

    private func checkDecisions() throws {
        for node in nodes where node.kind == .decision {
            let leaving = outgoing(from: node.id)
            guard leaving.count >= 2 else {
                throw GraphValidationError("Decision node \(node.id) must have at least 2 outgoing edges (found \(leaving.count))")
            }
            if let unlabelled = leaving.first(where: { ($0.condition ?? "").isEmpty }) {
                throw GraphValidationError("Decision node \(node.id) has an outgoing edge to \(unlabelled.to) without a 'condition'")
            }
        }
    }

    private func checkReachability() throws {
        var reached: Set<String> = [start.id]
        var frontier = [start.id]
        while let id = frontier.popLast() {
            for edge in outgoing(from: id) where reached.insert(edge.to).inserted {
                frontier.append(edge.to)
            }
        }
        if let stranded = nodes.first(where: { !reached.contains($0.id) }) {
            throw GraphValidationError("Node \(stranded.id) is not reachable from the start node")
        }
    }
}
