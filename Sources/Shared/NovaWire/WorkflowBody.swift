import NovaJSON

/// A workflow on the wire (docs/api.md §3.3).
package struct WorkflowBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// Unique name.
    package var name: String
    /// Free text, or null.
    @NullEncoded package var description: String?
    /// The stored graph definition, verbatim.
    package var graphDefinition: JSONValue
    /// Naive UTC with microseconds.
    package var createdAt: String
    /// Naive UTC with microseconds.
    package var updatedAt: String

    /// Creates the body.
    package init(id: Int, name: String, description: String?, graphDefinition: JSONValue, createdAt: String, updatedAt: String) {
        self.id = id
        self.name = name
        self.description = description
        self.graphDefinition = graphDefinition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case graphDefinition = "graph_definition"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// `GET /workflows`.
package struct WorkflowListBody: Codable, Sendable, Equatable {
    /// The page, by id.
    package var workflows: [WorkflowBody]
    /// Count of all workflows.
    package var total: Int

    /// Creates the body.
    package init(workflows: [WorkflowBody], total: Int) {
        self.workflows = workflows
        self.total = total
    }
}

/// A body holding only a message, e.g. `{"message": "Workflow 1 deleted successfully"}`.
package struct MessageBody: Codable, Sendable, Equatable {
    /// The message.
    package var message: String

    /// Creates the body.
    package init(message: String) {
        self.message = message
    }
}

/// `202` answer of `POST /workflows/{id}/execute` (docs/api.md §3.4).
package struct ExecuteAcceptedBody: Codable, Sendable, Equatable {
    /// The task to poll.
    package var taskId: String
    /// Always `queued`.
    package var status = "queued"
    /// The workflow.
    package var workflowId: Int
    /// Its name.
    package var workflowName: String
    /// How to poll.
    package var message: String

    /// Creates the body.
    package init(taskId: String, workflowId: Int, workflowName: String) {
        self.taskId = taskId
        self.workflowId = workflowId
        self.workflowName = workflowName
        self.message = "Workflow queued for execution. Use GET /tasks/\(taskId) to check status."
    }

    enum CodingKeys: String, CodingKey {
        case status, message
        case taskId = "task_id"
        case workflowId = "workflow_id"
        case workflowName = "workflow_name"
    }
}
