import Foundation
import GRDB
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import ServiceKit

/// An open database of either kind: a GRDB pool on a SQLite file in WAL mode, or a pooled PostgresNIO client.
///
/// The Postgres client must be run as a service (it is returned by ``backgroundService``).
package enum SQLDatabase: Sendable {
    /// The embedded SQLite file.
    case sqlite(DatabasePool)
    /// A PostgreSQL server.
    case postgres(PostgresClient)

    /// Opens the database at `location`. PostgreSQL is probed with one connection first so that an unreachable
    /// server fails startup at once with a clear message.
    package static func open(_ location: DatabaseLocation, logger: Logger) async throws -> SQLDatabase {
        switch location {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                var configuration = Configuration()
                configuration.busyMode = .timeout(10)
                return .sqlite(try DatabasePool(path: path, configuration: configuration))
            } catch {
                throw StartupError("cannot open the SQLite database at \(path): \(error)")
            }
        case .postgres(let url):
            try await probe(url, logger: logger)
            return .postgres(PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger))
        }
    }

    /// The executor that runs SQL on this database; `logger` logs PostgreSQL queries.
    package func executor(logger: Logger) -> any SQLExecutor {
        switch self {
        case .sqlite(let pool): SQLiteExecutor(pool: pool)
        case .postgres(let client): PostgresExecutor(client: client, logger: logger)
        }
    }

    /// The service that keeps the PostgreSQL pool running, or nil for SQLite.
    package var backgroundService: PostgresClient? {
        if case .postgres(let client) = self { return client }
        return nil
    }

    /// Runs `SELECT 1` and returns how long it took.
    package func ping() async throws -> Duration {
        let started = ContinuousClock.now
        switch self {
        case .sqlite(let pool):
            _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        case .postgres(let client):
            let rows = try await client.query("SELECT 1")
            for try await _ in rows {}
        }
        return ContinuousClock.now - started
    }

    private static func probe(_ url: PostgresURL, logger: Logger) async throws {
        let configuration = try url.connectionConfiguration()
        do {
            let connection = try await withDeadline(seconds: 10) {
                try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger)
            }
            try await connection.close()
        } catch {
            throw StartupError("cannot connect to PostgreSQL at \(url) (DATABASE_URL): \(String(reflecting: error).prefix(300))")
        }
    }
}
