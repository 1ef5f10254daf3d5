/// Every store nova uses, over one database: what the composition root hands to controllers and workers.
package struct NovaStores: Sendable {
    /// Workflows.
    package let workflows: any WorkflowStore
    /// Clients and their sealed credentials.
    package let clients: any ClientStore
    /// Client table schemas.
    package let schemas: any DatabaseSchemaStore
    /// Executions and the chain of work.
    package let executions: any ExecutionStore
    /// Task records.
    package let tasks: any TaskStore
    /// The exact code cache.
    package let exactCache: any ExactCodeCacheStore
    /// Shared circuit-breaker states.
    package let breakers: any CircuitBreakerStateStore
    /// Prompt nodes by code source.
    package let codeSources: any CodeSourceStatsStore

    /// Bundles the stores.
    package init(
        workflows: any WorkflowStore, clients: any ClientStore, schemas: any DatabaseSchemaStore, executions: any ExecutionStore,
        tasks: any TaskStore,
        exactCache: any ExactCodeCacheStore, breakers: any CircuitBreakerStateStore,
        codeSources: any CodeSourceStatsStore
    ) {
        self.workflows = workflows
        self.clients = clients
        self.schemas = schemas
        self.executions = executions
        self.tasks = tasks
        self.exactCache = exactCache
        self.breakers = breakers
        self.codeSources = codeSources
    }

    /// Empty in-memory stores whose deletions cascade like the database's.
    package static func memory() -> NovaStores {
        let executions = MemoryExecutionStore()
        let exactCache = MemoryExactCodeCacheStore()
        let schemas = MemoryDatabaseSchemaStore()
        return NovaStores(
            workflows: MemoryWorkflowStore(executions: executions, exactCache: exactCache), clients: MemoryClientStore(schemas: schemas),
            schemas: schemas, executions: executions, tasks: MemoryTaskStore(), exactCache: exactCache, breakers: MemoryCircuitBreakerStateStore(),
            codeSources: MemoryCodeSourceStatsStore())
    }
}
