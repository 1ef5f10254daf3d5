import Foundation
import NovaJSON

/// A stored workflow (docs/api.md §3.3): a named graph definition kept verbatim.
package struct Workflow: Sendable, Equatable {
    /// Integer id assigned by the store, never reused.
    package var id: Int
    /// Unique name, 1 to 255 characters.
    package var name: String
    /// Free text, or nil.
    package var description: String?
    /// The submitted `graph_definition` object, stored and returned verbatim.
    package var graphDefinition: JSONValue
    /// When it was created.
    package var createdAt: Date
    /// When it was last changed.
    package var updatedAt: Date

    /// Creates the value.
    package init(id: Int, name: String, description: String?, graphDefinition: JSONValue, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.name = name
        self.description = description
        self.graphDefinition = graphDefinition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The fields of a workflow to create.
package struct WorkflowDraft: Sendable, Equatable {
    /// Unique name.
    package var name: String
    /// Free text, or nil.
    package var description: String?
    /// The graph definition object.
    package var graphDefinition: JSONValue

    /// Creates the draft.
    package init(name: String, description: String?, graphDefinition: JSONValue) {
        self.name = name
        self.description = description
        self.graphDefinition = graphDefinition
    }
}

/// A partial update of a workflow: nil members stay unchanged (docs/api.md §3.3, `PUT`).
package struct WorkflowChanges: Sendable, Equatable {
    /// New name, or nil.
    package var name: String?
    /// New description, or nil.
    package var description: String?
    /// New graph definition, or nil.
    package var graphDefinition: JSONValue?

    /// Creates the changes.
    package init(name: String? = nil, description: String? = nil, graphDefinition: JSONValue? = nil) {
        self.name = name
        self.description = description
        self.graphDefinition = graphDefinition
    }

    /// Applies the changes to `workflow`, stamping `time` as its update time.
    package func applied(to workflow: Workflow, at time: Date) -> Workflow {
        var updated = workflow
        if let name { updated.name = name }
        if let description { updated.description = description }
        if let graphDefinition { updated.graphDefinition = graphDefinition }
        updated.updatedAt = time
        return updated
    }
}
