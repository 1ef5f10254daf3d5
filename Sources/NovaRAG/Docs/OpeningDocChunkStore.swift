import Logging
import NovaCore
import NovaStorage
import RAGCore

/// The documentation store of `database`, opened (and migrated) on first use: the PostgreSQL pool only runs
/// once the services have started, after the application was built.
actor OpeningDocChunkStore: DocChunkStore {
    private let database: SQLDatabase
    private let logger: Logger
    private var opened: (any DocChunkStore)?

    init(database: SQLDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    func loadAll() async throws -> DocStoreContents {
        try await store().loadAll()
    }

    func apply(_ update: DocStoreUpdate) async throws {
        try await store().apply(update)
    }

    private func store() async throws -> any DocChunkStore {
        if let opened { return opened }
        let store = try await openDocChunkStore(database, logger: logger)
        opened = store
        return store
    }
}
