/// A write a store refused because it would break a uniqueness rule of the contract.
package enum StoreConflict: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another workflow has this name (docs/api.md §3.3, D36).
    case workflowName(String)
    /// Another client has this slug.
    case clientSlug(String)
    /// The client already has a schema for this table (docs/api.md §3.6).
    case schemaTable(String)
    /// A task with this id exists.
    case taskID(String)
    /// A database schema refers to this credential.
    case credentialInUse(Int)

    /// The message the API answers with (400).
    package var description: String {
        switch self {
        case .workflowName(let name): "Workflow '\(name)' already exists"
        case .clientSlug(let slug): "Client '\(slug)' already exists"
        case .schemaTable(let table): "Schema for table '\(table)' already exists"
        case .taskID(let id): "Task '\(id)' already exists"
        case .credentialInUse(let id): "Credential \(id) is used by a database schema; delete or move the schema first"
        }
    }
}
