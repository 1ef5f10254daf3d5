import GRDB
import Logging
import ServiceKit

/// Applies a service's migrations, oldest first, to either backend, and refuses a database that has migrations this
/// binary does not know. SQLite records them with GRDB's migrator (`grdb_migrations`, by ``SQLMigration`` identifier),
/// PostgreSQL by version in a table of the service's own (``PostgresMigrator``).
package struct SQLMigrator: Sendable {
    private let migrations: [SQLMigration]
    private let postgres: PostgresMigrator

    /// A migrator of `migrations` (in any order) that records PostgreSQL versions in `postgresTable`.
    package init(postgresTable: String, migrations: [SQLMigration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.postgres = PostgresMigrator(table: postgresTable, migrations: self.migrations)
    }

    /// The newest version this binary knows.
    package var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every migration `database` lacks. The PostgreSQL pool must be running.
    package func migrate(_ database: SQLDatabase, logger: Logger) async throws {
        switch database {
        case .sqlite(let pool): try await migrate(pool)
        case .postgres(let client): try await postgres.migrate(client, logger: logger)
        }
    }

    /// Migrates without blocking a thread of the cooperative pool: a blocking migration waits for every reader of
    /// the pool, and an async reader needs such a thread to finish.
    private func migrate(_ pool: DatabasePool) async throws {
        let migrator = sqliteMigrator
        let applied = try await pool.read { db in try migrator.hasBeenSuperseded(db) ? migrator.appliedIdentifiers(db) : [] }
        if !applied.isEmpty {
            throw StartupError(
                "the database schema has migrations this binary does not know (\(applied.sorted().joined(separator: ", "))); it knows up to "
                    + "\(migrations.last?.identifier ?? "none"): upgrade the binary")
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in () }) }
        }
    }

    private var sqliteMigrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let statements = migration.statements(for: .sqlite)
            migrator.registerMigration(migration.identifier) { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }
}
