import NovaCore
import NovaJSON
import Shared

extension WorkflowBody {
    /// The wire form of `workflow`.
    init(_ workflow: Workflow) {
        self.init(
            id: workflow.id, name: workflow.name, description: workflow.description, graphDefinition: workflow.graphDefinition,
            createdAt: WireDate.naive(workflow.createdAt), updatedAt: WireDate.naive(workflow.updatedAt))
    }
}

extension DatabaseSchemaBody {
    /// The wire form of `schema`.
    init(_ schema: DatabaseSchema) {
        self.init(
            id: schema.id, clientId: schema.clientID, databaseCredentialId: schema.databaseCredentialID, tableName: schema.tableName,
            schemaDefinition: schema.schemaDefinition, description: schema.description, createdAt: WireDate.naive(schema.createdAt),
            updatedAt: WireDate.naive(schema.updatedAt))
    }
}
