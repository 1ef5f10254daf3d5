import GRDB
import Logging
import ServiceKit

/// Applies ``NovaSchema`` to either backend and refuses a database whose schema is newer than this binary.
enum NovaMigrations {
    /// The PostgreSQL migrator (versions recorded in `schema_migrations`).
    static let postgres = PostgresMigrator(
        table: "schema_migrations", migrations: NovaSchema.migrations.map { .init(version: $0.version, statements: NovaSchema.postgres($0)) })

    /// The newest version this binary knows.
    static var latestVersion: Int { NovaSchema.migrations.map(\.version).max() ?? 0 }

    /// Migrates `database`; returns the schema version it is at afterwards. The PostgreSQL pool must be running.
    @discardableResult
    static func migrate(_ database: SQLDatabase, logger: Logger) async throws -> Int {
        switch database {
        case .sqlite(let pool): try migrate(pool)
        case .postgres(let client): try await postgres.migrate(client, logger: logger)
        }
        return latestVersion
    }

    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = sqliteMigrator
        if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }.sorted()
            throw StartupError(
                "the database schema has migrations this binary does not know (\(applied.joined(separator: ", "))); it knows up to "
                    + "\(NovaSchema.migrations.last?.identifier ?? "none"): upgrade the binary")
        }
        try migrator.migrate(pool)
    }

    private static var sqliteMigrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in NovaSchema.migrations {
            let statements = NovaSchema.sqlite(migration)
            migrator.registerMigration(migration.identifier) { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }
}
