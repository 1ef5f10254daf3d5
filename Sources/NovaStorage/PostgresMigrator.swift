import Logging
import PostgresNIO
import ServiceKit

/// Applies ``SQLMigration``s to PostgreSQL, each in a transaction, recorded by version in a per-service table.
///
/// An advisory lock keeps replicas that start together from migrating twice. A database whose newest applied
/// version is above the binary's newest is refused with a clear message.
struct PostgresMigrator: Sendable {
    private let table: String
    private let migrations: [SQLMigration]

    /// A migrator recording versions in `table` (e.g. `nova_rag_schema_migrations`); `migrations` oldest first.
    init(table: String, migrations: [SQLMigration]) {
        self.table = table
        self.migrations = migrations
    }

    /// Applies every migration not applied yet. Errors come out as raised inside the transaction (for example the
    /// ``StartupError`` of a newer schema), not wrapped in PostgresNIO's transaction error.
    func migrate(_ client: PostgresClient, logger: Logger) async throws {
        do {
            try await migrateInTransaction(client, logger: logger)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }

    private func migrateInTransaction(_ client: PostgresClient, logger: Logger) async throws {
        let lockKey = Int64(truncatingIfNeeded: table.hashValueStable)
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_advisory_xact_lock(\(lockKey))"), logger: logger)
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: "CREATE TABLE IF NOT EXISTS \(table) (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"),
                logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query(PostgresQuery(unsafeSQL: "SELECT version FROM \(table)"), logger: logger).decode(
                Int.self)
            {
                applied.insert(version)
            }
            if let newest = applied.max(), let known = migrations.last?.version, newest > known {
                throw StartupError("the database schema is at version \(newest) but this binary knows versions up to \(known); upgrade the binary")
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements(for: .postgres) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO \(unescaped: table) (version) VALUES (\(migration.version))", logger: logger)
                logger.info("applied migration", metadata: ["table": .string(table), "version": .stringConvertible(migration.version)])
            }
        }
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per process).
    fileprivate var hashValueStable: UInt64 {
        utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
