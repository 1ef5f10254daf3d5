import Foundation
import NovaStorage
import Testing

@testable import NovaAPI

@Suite("nova migrate")
struct MigrateCommandTests {
    private func migrate(_ env: TestEnvironment) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServiceProcess.binaryDirectory.appendingPathComponent("nova")
        process.arguments = ["migrate"]
        process.environment = ProcessInfo.processInfo.environment.merging(["NOVA_DATA_DIR": env.directory.path]) { $1 }.filter {
            $0.key != "DATABASE_URL"
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("migrates the SQLite file and exits 0; on a database from a newer binary it exits 1 saying to upgrade")
    func command() async throws {
        let env = try TestEnvironment()
        let first = try migrate(env)
        #expect(first.status == 0)
        #expect(first.output.contains("database schema is at version \(NovaMigrations.latestVersion)"))
        let path = env.directory.appendingPathComponent("nova.sqlite").path
        try await StoreBackend.withOpenDatabase(.sqlite(path: path)) { database in
            guard case .sqlite(let pool) = database else { return }
            _ = try await SQLiteExecutor(pool: pool).write("INSERT INTO grdb_migrations (identifier) VALUES ('99_future')", [])
        }
        let refused = try migrate(env)
        #expect(refused.status == 1)
        #expect(refused.output.contains("upgrade the binary"))
    }
}
