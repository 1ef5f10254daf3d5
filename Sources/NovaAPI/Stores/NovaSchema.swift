import NovaStorage

/// nova's tables: the one authoritative migration set (D34), written once in SQL both SQLite and PostgreSQL accept.
///
/// Only the auto-increment primary key differs; `{{id}}` stands for it (``SQLDialect/schema(_:)``). Instants are
/// BIGINT microseconds since 1970 (UTC), booleans BIGINT 0/1, JSON TEXT. Foreign keys cascade what the contract
/// deletes together.
enum NovaSchema {
    /// Every migration, oldest first. Append; never edit a released one.
    static let migrations: [SQLMigration] = [
        SQLMigration(version: 1, name: "initial", statements: initial), SQLMigration(version: 2, name: "leases", statements: leases),
        SQLMigration(version: 3, name: "code_source_stats", statements: codeSourceStats),
        SQLMigration(version: 4, name: "executions_task", statements: executionsTask),
        SQLMigration(version: 5, name: "dashboard", statements: dashboard),
        SQLMigration(version: 6, name: "tasks_state", statements: tasksState),
    ]

    private static let initial = [
        """
        CREATE TABLE workflows (
            {{id}}, name TEXT NOT NULL UNIQUE, description TEXT, graph_definition TEXT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE clients (
            {{id}}, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, is_active BIGINT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE client_credentials (
            {{id}}, client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE CASCADE, kind TEXT NOT NULL, name TEXT NOT NULL,
            is_primary BIGINT NOT NULL, field_names TEXT NOT NULL, sealed_values TEXT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX client_credentials_client ON client_credentials (client_id)",
        """
        CREATE TABLE client_database_schemas (
            {{id}}, client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
            database_credential_id BIGINT NOT NULL REFERENCES client_credentials (id), table_name TEXT NOT NULL,
            schema_definition TEXT NOT NULL, description TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            UNIQUE (client_id, table_name))
        """,
        "CREATE INDEX client_database_schemas_credential ON client_database_schemas (database_credential_id)",
        """
        CREATE TABLE executions (
            {{id}}, workflow_id BIGINT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE, task_id TEXT, client_slug TEXT,
            status TEXT NOT NULL, started_at BIGINT, completed_at BIGINT, result TEXT, error TEXT, created_at BIGINT NOT NULL,
            cancel_requested_at BIGINT)
        """,
        "CREATE INDEX executions_workflow ON executions (workflow_id)",
        "CREATE INDEX executions_created ON executions (created_at)",
        """
        CREATE TABLE chain_of_work (
            {{id}}, execution_id BIGINT NOT NULL REFERENCES executions (id) ON DELETE CASCADE, node_id TEXT NOT NULL,
            node_type TEXT NOT NULL, code_executed TEXT, input_context TEXT NOT NULL, output_result TEXT NOT NULL,
            execution_time DOUBLE PRECISION NOT NULL, status TEXT NOT NULL, error_message TEXT, decision_result TEXT, path_taken TEXT,
            ai_metadata TEXT NOT NULL, recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX chain_of_work_execution ON chain_of_work (execution_id)",
        """
        CREATE TABLE chain_of_work_steps (
            {{id}}, chain_of_work_id BIGINT NOT NULL REFERENCES chain_of_work (id) ON DELETE CASCADE, step_number BIGINT NOT NULL,
            step_name TEXT NOT NULL, agent_name TEXT NOT NULL, attempt_number BIGINT NOT NULL, input_data TEXT NOT NULL,
            output_data TEXT NOT NULL, generated_code TEXT, sandbox_id TEXT, model_used TEXT, tokens_input BIGINT, tokens_output BIGINT,
            cost_usd DOUBLE PRECISION, tool_calls TEXT NOT NULL, status TEXT NOT NULL, error_message TEXT,
            execution_time_ms DOUBLE PRECISION NOT NULL, recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX chain_of_work_steps_entry ON chain_of_work_steps (chain_of_work_id)",
        """
        CREATE TABLE tasks (
            task_id TEXT PRIMARY KEY, state TEXT NOT NULL, workflow_id BIGINT NOT NULL, workflow_name TEXT NOT NULL, client_slug TEXT,
            execution_id BIGINT, meta TEXT, result TEXT, error TEXT, attempts BIGINT NOT NULL, created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX tasks_updated ON tasks (updated_at)",
        """
        CREATE TABLE code_cache (
            {{id}}, cache_key TEXT NOT NULL, task_hash TEXT NOT NULL, generated_code TEXT NOT NULL, model TEXT NOT NULL,
            original_prompt TEXT NOT NULL, times_reused BIGINT NOT NULL, success_count BIGINT NOT NULL, failure_count BIGINT NOT NULL,
            cost_usd DOUBLE PRECISION, tokens_input BIGINT, tokens_output BIGINT, avg_execution_time_ms DOUBLE PRECISION,
            created_at BIGINT NOT NULL, last_used_at BIGINT, workflow_id BIGINT REFERENCES workflows (id) ON DELETE CASCADE, node_id TEXT)
        """,
        "CREATE UNIQUE INDEX code_cache_workflow_key ON code_cache ((COALESCE(workflow_id, 0)), cache_key)",
        "CREATE INDEX code_cache_key ON code_cache (cache_key)",
        """
        CREATE TABLE circuit_breakers (
            name TEXT PRIMARY KEY, state TEXT NOT NULL, failure_count BIGINT NOT NULL, failure_threshold BIGINT NOT NULL,
            opened_at BIGINT, updated_at BIGINT NOT NULL)
        """,
    ]

    /// Durable execution (issue 7): the lease of the worker running an execution, the sealed checkpoint a resumed run
    /// starts from, and the sealed job of a task (so an embedded process can queue it again after a crash).
    private static let leases = [
        "ALTER TABLE executions ADD COLUMN lease_owner TEXT",
        "ALTER TABLE executions ADD COLUMN lease_expires_at BIGINT",
        "ALTER TABLE executions ADD COLUMN checkpoint TEXT",
        "CREATE INDEX executions_status ON executions (status)",
        "ALTER TABLE tasks ADD COLUMN sealed_job TEXT",
    ]

    /// Prompt nodes by code source (`exact_hit`, `semantic_hit`, `generated`, `failed`) with tokens and cost spent and
    /// saved, for `/metrics` and `/cache/stats`.
    private static let codeSourceStats = [
        """
        CREATE TABLE code_source_stats (
            code_source TEXT PRIMARY KEY, nodes BIGINT NOT NULL, tokens_input BIGINT NOT NULL, tokens_output BIGINT NOT NULL,
            cost_usd DOUBLE PRECISION NOT NULL, tokens_saved BIGINT NOT NULL, cost_saved_usd DOUBLE PRECISION NOT NULL)
        """
    ]

    /// A worker that died between creating an execution and recording it on its task left the execution to be found
    /// by its task id (``ExecutionStore/execution(taskID:)``).
    private static let executionsTask = ["CREATE INDEX executions_task ON executions (task_id)"]

    /// The dashboard: prompt nodes by UTC day (days since 1970-01-01) and code source, for the hit rate over
    /// time (`GET /cache/code-sources/daily`), and indexes that serve a page of executions filtered by status or
    /// workflow, newest first, without sorting every match (they replace the status and workflow indexes).
    private static let dashboard = [
        """
        CREATE TABLE code_source_daily (
            day BIGINT NOT NULL, code_source TEXT NOT NULL, nodes BIGINT NOT NULL, tokens_input BIGINT NOT NULL,
            tokens_output BIGINT NOT NULL, cost_usd DOUBLE PRECISION NOT NULL, tokens_saved BIGINT NOT NULL,
            cost_saved_usd DOUBLE PRECISION NOT NULL, PRIMARY KEY (day, code_source))
        """,
        "CREATE INDEX executions_status_id ON executions (status, id)",
        "CREATE INDEX executions_workflow_id ON executions (workflow_id, id)",
        "CREATE INDEX executions_workflow_status_id ON executions (workflow_id, status, id)",
        "DROP INDEX executions_status",
        "DROP INDEX executions_workflow",
    ]

    /// Every execute request counts the queued tasks against `MAX_QUEUED_EXECUTIONS` (``TaskStore/countPending(upTo:)``).
    private static let tasksState = ["CREATE INDEX tasks_state ON tasks (state)"]
}
