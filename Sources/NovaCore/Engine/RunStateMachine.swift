import NovaJSON

/// Decides what a workflow run does next (docs/api.md §3.8): start → nodes → end, decision routing by edge
/// condition (case-insensitive, D22), the visit limit of `2 × nodes`, and the terminal outcomes.
///
/// A pure value: the runner reports each node's outcome and is told the next ``Step``. It performs no I/O, so a
/// crashed run can be rebuilt by ``replay(_:)`` of its journal (the finished chain entries).
package struct RunStateMachine: Sendable {
    /// Where the run is.
    package enum Phase: Sendable, Equatable {
        /// ``start()`` not yet called.
        case ready
        /// The node with this id is running.
        case running(String)
        /// An end node (or a node without outgoing edges) finished.
        case finished
        /// The run failed.
        case failed(RunFailure)
        /// The run was cancelled.
        case cancelled
    }

    /// What the runner must do now.
    package enum Step: Sendable, Equatable {
        /// Run this node, then report its outcome.
        case run(GraphNode)
        /// The run completed; `nodesExecuted` counts every visit, start and end included.
        case finished(nodesExecuted: Int)
        /// The run failed; no further node runs.
        case failed(RunFailure)
        /// The run was cancelled; no further node runs.
        case cancelled
    }

    /// A finished node as recorded in the journal: its id and the context after it.
    package struct JournalEntry: Sendable, Equatable {
        /// The node's id.
        package var nodeID: String
        /// The context after the node's updates were merged.
        package var context: [String: JSONValue]

        /// Creates the entry.
        package init(nodeID: String, context: [String: JSONValue]) {
            self.nodeID = nodeID
            self.context = context
        }
    }

    /// The graph being run.
    package let graph: WorkflowGraph
    /// Where the run is.
    package private(set) var phase: Phase = .ready
    /// Node visits so far (a node visited twice counts twice), the running node included.
    package private(set) var visits = 0
    /// Ids of the nodes that finished, in order.
    package private(set) var finishedNodes: [String] = []

    /// Creates the machine in ``Phase/ready``.
    package init(graph: WorkflowGraph) {
        self.graph = graph
    }

    /// At most this many visits: twice the number of nodes.
    package var visitLimit: Int {
        2 * graph.nodes.count
    }

    /// The current step; terminal phases repeat their outcome.
    package var step: Step {
        switch phase {
        case .ready: return .run(graph.start)
        case .running(let id): return .run(graph.node(id: id)!)
        case .finished: return .finished(nodesExecuted: visits)
        case .failed(let failure): return .failed(failure)
        case .cancelled: return .cancelled
        }
    }

    /// Begins the run at the start node; later calls return the current step unchanged.
    package mutating func start() -> Step {
        guard phase == .ready else { return step }
        return visit(graph.start.id)
    }

    /// The running node finished and `context` is the context after its updates were merged; returns the next step.
    package mutating func nodeSucceeded(context: [String: JSONValue]) -> Step {
        guard case .running(let id) = phase, let node = graph.node(id: id) else { return step }
        finishedNodes.append(id)
        if node.kind == .end {
            phase = .finished
            return step
        }
        switch next(after: node, context: context) {
        case .success(let target?): return visit(target)
        case .success(nil): phase = .finished
        case .failure(let failure): phase = .failed(failure)
        }
        return step
    }

    /// The running node failed with `failure`; the run fails.
    package mutating func nodeFailed(_ failure: RunFailure) -> Step {
        guard case .running = phase else { return step }
        phase = .failed(failure)
        return step
    }

    /// Cancels the run unless it already ended.
    package mutating func cancel() -> Step {
        switch phase {
        case .ready, .running: phase = .cancelled
        case .finished, .failed, .cancelled: break
        }
        return step
    }

    /// Rebuilds the state of a run whose `journal` entries finished, in order: starts and reports each entry's
    /// context. An entry for a node other than the one the graph leads to fails the run (unexpected error in
    /// that node), as the journal then belongs to a different graph.
    package mutating func replay(_ journal: [JournalEntry]) -> Step {
        var current = start()
        for entry in journal {
            guard case .run(let node) = current else { return current }
            guard node.id == entry.nodeID else {
                phase = .failed(.unexpected(entry.nodeID, "the journal does not follow the graph (expected node \(node.id))"))
                return step
            }
            current = nodeSucceeded(context: entry.context)
        }
        return current
    }

    private mutating func visit(_ id: String) -> Step {
        guard visits < visitLimit else {
            phase = .failed(.visitLimit(visitLimit))
            return step
        }
        visits += 1
        phase = .running(id)
        return step
    }

    private func next(after node: GraphNode, context: [String: JSONValue]) -> Result<String?, RunFailure> {
        let leaving = graph.outgoing(from: node.id)
        if node.kind == .decision {
            guard let value = Self.decisionValue(of: node.id, in: context) else {
                let keys = PythonListText.render(context.keys.sorted())
                return .failure(.node(node.id, "DecisionNode \(node.id) did not set '\(node.id)' in context. Available context keys: \(keys)"))
            }
            guard leaving.count > 1 else { return .success(leaving.first?.to) }
            guard let edge = leaving.first(where: { $0.condition?.lowercased() == value }) else {
                let conditions = PythonListText.render(leaving.compactMap(\.condition))
                return .failure(
                    .unexpected(node.id, "No edge found for decision result '\(value)' from node \(node.id). Available conditions: \(conditions)"))
            }
            return .success(edge.to)
        }
        return .success(leaving.first?.to)
    }

    /// The routing value a decision node left in `context[id]`: a boolean as `"true"`/`"false"`, a string
    /// lower-cased; nil when missing or of another type.
    package static func decisionValue(of id: String, in context: [String: JSONValue]) -> String? {
        switch context[id] {
        case .bool(let flag)?: return flag ? "true" : "false"
        case .string(let text)?: return text.lowercased()
        default: return nil
        }
    }
}
