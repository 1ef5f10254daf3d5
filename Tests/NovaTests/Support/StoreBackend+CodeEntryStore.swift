import NovaStorage
import RAGCore
import ServiceKit

@testable import NovaRAG

extension StoreBackend {
    /// Runs `body` with a fresh, empty code-entry store: the in-memory twin, or nova-rag's SQL store on a new SQLite
    /// file or PostgreSQL database.
    func withCodeEntryStore(_ body: @Sendable (any CodeEntryStore) async throws -> Void) async throws {
        let location: DatabaseLocation
        switch self {
        case .memory: return try await body(MemoryCodeEntryStore())
        case .sqlite: location = .sqlite(path: try TestEnvironment().directory.appendingPathComponent("nova-rag.sqlite").path)
        case .postgres: location = .postgres(try PostgresURL(try await PostgresTestDatabase.create()))
        }
        try await Self.withOpenDatabase(location) { database in
            try await body(try await openCodeEntryStore(database, logger: TestEnvironment.logger))
        }
    }
}
