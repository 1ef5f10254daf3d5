import NovaJSON

/// One execution to run: its row (already created `running`), its graph and its starting context; for a resumed run,
/// also the chain entries already recorded and the context of the checkpoint after them.
package struct WorkflowRun: Sendable {
    /// The execution row the chain entries and the outcome are written to.
    package var executionID: Int
    /// The workflow, for cache isolation of prompt nodes.
    package var workflowID: Int
    /// The validated graph.
    package var graph: WorkflowGraph
    /// False when the workflow's definition says `"network": false` (then no node gets a network).
    package var networkAllowed: Bool
    /// The context the start node receives (initial context plus credentials, see ``ContextMerge/initial(_:credentials:)``).
    package var context: [String: JSONValue]
    /// Secret values to hide besides those under secret keys (e.g. the loaded credentials, D4).
    package var secrets: [String]
    /// The chain entries recorded before (a resumed run): the finished ones are replayed, not run again.
    package var journal: [ChainEntryRecord]
    /// The worker holding the execution's lease: every write is refused once another took it over; nil writes unconditionally.
    package var leaseOwner: String?

    /// Creates the run.
    package init(
        executionID: Int, workflowID: Int, graph: WorkflowGraph, networkAllowed: Bool = true, context: [String: JSONValue], secrets: [String] = [],
        journal: [ChainEntryRecord] = [], leaseOwner: String? = nil
    ) {
        self.executionID = executionID
        self.workflowID = workflowID
        self.graph = graph
        self.networkAllowed = networkAllowed
        self.context = context
        self.secrets = secrets
        self.journal = journal
        self.leaseOwner = leaseOwner
    }
}

/// How a run ended; contexts and messages are redacted.
package struct WorkflowRunOutcome: Sendable, Equatable {
    /// The execution's final status: `completed`, `failed` or `cancelled`.
    package var status: ExecutionStatus
    /// The final context (or the context at the failure), redacted.
    package var context: JSONValue
    /// One entry per visit: node id, node type and `success`/`failed`.
    package var trace: [TraceEntry]
    /// Visits including start and end when completed; nil otherwise.
    package var nodesExecuted: Int?
    /// Why it failed, redacted; nil when completed.
    package var failure: RunFailure?

    /// One visited node (an element of the TaskResult's `execution_trace`).
    package struct TraceEntry: Encodable, Sendable, Equatable {
        /// The node's id.
        package var nodeID: String
        /// `start`, `end`, `action` or `decision`.
        package var nodeType: String
        /// `success` or `failed`.
        package var status: String

        enum CodingKeys: String, CodingKey {
            case status
            case nodeID = "node_id"
            case nodeType = "node_type"
        }

        /// Creates the entry.
        package init(nodeID: String, nodeType: String, status: String) {
            self.nodeID = nodeID
            self.nodeType = nodeType
            self.status = status
        }
    }

    /// Creates the outcome.
    package init(status: ExecutionStatus, context: JSONValue, trace: [TraceEntry], nodesExecuted: Int?, failure: RunFailure?) {
        self.status = status
        self.context = context
        self.trace = trace
        self.nodesExecuted = nodesExecuted
        self.failure = failure
    }
}
