import Foundation
import Logging
import NovaCore
import NovaStorage
import ServiceKit
import Testing

@testable import NovaAPI

/// Where a store test runs: the in-memory actors, SQLite, and PostgreSQL when `POSTGRES_URL` is set.
enum StoreBackend: String, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite
    case postgres

    /// The backends available in this run.
    static var available: [StoreBackend] {
        [.memory] + Backend.available.map { $0 == .sqlite ? .sqlite : .postgres }
    }

    var testDescription: String { rawValue }

    /// Runs `body` with fresh, migrated stores (a new SQLite file or PostgreSQL database each time).
    func withStores(_ body: @Sendable (NovaStores) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(.memory())
        case .sqlite:
            let env = try TestEnvironment()
            try await Self.withDatabase(.sqlite(path: env.directory.appendingPathComponent("nova.sqlite").path), body)
        case .postgres:
            try await Self.withDatabase(.postgres(try PostgresURL(try await PostgresTestDatabase.create())), body)
        }
    }

    /// Runs `body` with `location` open (its PostgreSQL pool running) and migrated.
    static func withDatabase(_ location: DatabaseLocation, _ body: @Sendable (NovaStores) async throws -> Void) async throws {
        try await withOpenDatabase(location) { database in
            try await NovaMigrations.migrate(database, logger: TestEnvironment.logger)
            try await body(.sql(database, logger: TestEnvironment.logger))
        }
    }

    /// Runs `body` with `location` open, its PostgreSQL pool running meanwhile.
    static func withOpenDatabase(_ location: DatabaseLocation, _ body: @Sendable (SQLDatabase) async throws -> Void) async throws {
        let database = try await SQLDatabase.open(location, logger: TestEnvironment.logger)
        try await database.whileRunning { try await body(database) }
    }
}

/// A fixed instant for stores' `at:` arguments, with helpers to move around it.
enum TestTime {
    static let origin = Date(timeIntervalSince1970: 1_764_000_000.25)

    static func plus(seconds: Double) -> Date {
        origin.addingTimeInterval(seconds)
    }
}
