import Foundation
import NovaJSON

/// The record of one executed node in the chain of work (docs/api.md §3.5).
package struct ChainEntry: Sendable, Equatable {
    /// Integer id; entries of an execution are ordered by it.
    package var id: Int
    /// The execution it belongs to.
    package var executionID: Int
    /// The node's fields.
    package var record: ChainEntryRecord
    /// Agent steps, in creation order (D23).
    package var steps: [ChainStep]

    /// Creates the value.
    package init(id: Int, executionID: Int, record: ChainEntryRecord, steps: [ChainStep]) {
        self.id = id
        self.executionID = executionID
        self.record = record
        self.steps = steps
    }
}

/// The fields of a chain entry, as the engine writes them. Contexts must already be redacted (D4).
package struct ChainEntryRecord: Sendable, Equatable {
    /// The node id.
    package var nodeID: String
    /// `start`, `end`, `action` or `decision`.
    package var nodeType: String
    /// The code that ran, or the prompt when no code exists.
    package var codeExecuted: String?
    /// Redacted context before the node.
    package var inputContext: JSONValue
    /// Redacted context after the node.
    package var outputResult: JSONValue
    /// Elapsed seconds.
    package var executionTime: Double
    /// `success` or `failed`.
    package var status: String
    /// Why the node failed.
    package var errorMessage: String?
    /// Decision nodes: `true`, `false` or the lower-cased value.
    package var decisionResult: String?
    /// Decision nodes: the next node's id.
    package var pathTaken: String?
    /// Executor details (docs/api.md §4.6).
    package var aiMetadata: JSONValue
    /// When the node ran.
    package var timestamp: Date

    /// Creates the record.
    package init(
        nodeID: String, nodeType: String, codeExecuted: String? = nil, inputContext: JSONValue = .object([:]), outputResult: JSONValue = .object([:]),
        executionTime: Double = 0, status: String = "success", errorMessage: String? = nil, decisionResult: String? = nil, pathTaken: String? = nil,
        aiMetadata: JSONValue = .object([:]), timestamp: Date
    ) {
        self.nodeID = nodeID
        self.nodeType = nodeType
        self.codeExecuted = codeExecuted
        self.inputContext = inputContext
        self.outputResult = outputResult
        self.executionTime = executionTime
        self.status = status
        self.errorMessage = errorMessage
        self.decisionResult = decisionResult
        self.pathTaken = pathTaken
        self.aiMetadata = aiMetadata
        self.timestamp = timestamp
    }
}
