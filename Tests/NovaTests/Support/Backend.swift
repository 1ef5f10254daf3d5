import Foundation
import Logging
import PostgresNIO
import ServiceKit
import Testing

/// A storage backend a test runs against: always SQLite, and PostgreSQL when `POSTGRES_URL` is set (scripts/test.sh sets it).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    /// The backends available in this run.
    static var available: [Backend] {
        ProcessInfo.processInfo.environment["POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// Extra variables selecting this backend: nothing for SQLite, a fresh database's `DATABASE_URL` for PostgreSQL.
    func environment() async throws -> [String: String] {
        switch self {
        case .sqlite: return [:]
        case .postgres: return ["DATABASE_URL": try await PostgresTestDatabase.create()]
        }
    }
}

/// Creates a new, empty database on the test server for each test, so tests never see each other's rows.
enum PostgresTestDatabase {
    static func create() async throws -> String {
        let base = try #require(ProcessInfo.processInfo.environment["POSTGRES_URL"])
        let url = try PostgresURL(base)
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let connection = try await PostgresConnection.connect(
            configuration: try url.connectionConfiguration(), id: 1, logger: TestEnvironment.logger)
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: TestEnvironment.logger)
        try await connection.close()
        var components = try #require(URLComponents(string: base))
        components.path = "/" + name
        return try #require(components.string)
    }
}
