import Logging
import NovaCore
import NovaStorage

extension NovaStores {
    /// The stores over `database` (SQLite file or PostgreSQL pool). Migrate it first (``NovaMigrations``).
    static func sql(_ database: SQLDatabase, logger: Logger) -> NovaStores {
        let db = database.executor(logger: logger)
        return NovaStores(
            workflows: SQLWorkflowStore(db: db), clients: SQLClientStore(db: db), schemas: SQLDatabaseSchemaStore(db: db),
            executions: SQLExecutionStore(db: db), tasks: SQLTaskStore(db: db), exactCache: SQLExactCodeCacheStore(db: db),
            breakers: SQLCircuitBreakerStateStore(db: db), codeSources: SQLCodeSourceStatsStore(db: db))
    }
}
