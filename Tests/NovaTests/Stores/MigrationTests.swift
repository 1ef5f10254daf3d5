import Foundation
import NovaCore
import NovaStorage
import ServiceKit
import Testing

@testable import NovaAPI

@Suite("Migrations")
struct MigrationTests {
    @Test("the migration set gives SQLite the tables and columns the stores use")
    func sqliteSchema() async throws {
        let sqlite = try await Self.columns(try await Self.location(.sqlite))
        #expect(sqlite.contains("chain_of_work.decision_result"))
        #expect(sqlite.contains("chain_of_work.path_taken"))
        #expect(sqlite.contains("client_credentials.sealed_values"))
    }

    @Test(
        "SQLite and PostgreSQL get the same tables and columns from the one migration set",
        .enabled(if: Backend.available.contains(.postgres)))
    func sameLogicalSchema() async throws {
        let sqlite = try await Self.columns(try await Self.location(.sqlite))
        #expect(try await Self.columns(try await Self.location(.postgres)) == sqlite)
    }

    @Test("migrating twice changes nothing and keeps the data", arguments: Backend.available)
    func idempotent(backend: Backend) async throws {
        let location = try await Self.location(backend)
        try await StoreBackend.withDatabase(location) { stores in
            _ = try await stores.workflows.create(WorkflowDraft(name: "kept", description: nil, graphDefinition: .object([:])), at: TestTime.origin)
        }
        try await StoreBackend.withDatabase(location) { stores in
            let count = try await stores.workflows.count()
            #expect(count == 1)
        }
    }

    @Test("a database migrated by a newer binary is refused with a message saying to upgrade", arguments: Backend.available)
    func newerSchemaRefused(backend: Backend) async throws {
        let location = try await Self.location(backend)
        try await StoreBackend.withOpenDatabase(location) { database in
            try await NovaMigrations.migrate(database, logger: TestEnvironment.logger)
            switch database {
            case .sqlite(let pool):
                _ = try await SQLiteExecutor(pool: pool).write("INSERT INTO grdb_migrations (identifier) VALUES ('99_future')", [])
            case .postgres(let client):
                _ = try await PostgresExecutor(client: client, logger: TestEnvironment.logger).write(
                    "INSERT INTO schema_migrations (version) VALUES (99)", [])
            }
        }
        let error = await #expect(throws: StartupError.self) {
            try await StoreBackend.withOpenDatabase(location) { database in try await NovaMigrations.migrate(database, logger: TestEnvironment.logger)
            }
        }
        #expect(error?.description.contains("upgrade the binary") == true)
    }

    private static func location(_ backend: Backend) async throws -> DatabaseLocation {
        switch backend {
        case .sqlite: .sqlite(path: try TestEnvironment().directory.appendingPathComponent("nova.sqlite").path)
        case .postgres: .postgres(try PostgresURL(try await PostgresTestDatabase.create()))
        }
    }

    /// `table.column` for every column of nova's tables after migrating.
    private static func columns(_ location: DatabaseLocation) async throws -> Set<String> {
        let database = try await SQLDatabase.open(location, logger: TestEnvironment.logger)
        return try await database.whileRunning {
            try await NovaMigrations.migrate(database, logger: TestEnvironment.logger)
            var columns: Set<String> = []
            switch database {
            case .sqlite(let pool):
                let db = SQLiteExecutor(pool: pool)
                let tables = try await db.read(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name != 'grdb_migrations'", [])
                for table in try tables.map({ try $0.text("name") }) {
                    for column in try await db.read("PRAGMA table_info(\(table))", []) { columns.insert("\(table).\(try column.text("name"))") }
                }
            case .postgres(let client):
                let rows = try await PostgresExecutor(client: client, logger: TestEnvironment.logger).read(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name != 'schema_migrations'",
                    [])
                for row in rows { columns.insert("\(try row.text("table_name")).\(try row.text("column_name"))") }
            }
            return columns
        }
    }
}
