import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NovaCore
import NovaJSON
import ServiceKit

@testable import NovaAPI

/// Builds nova like `nova serve` does and drives it through the router, on SQLite or a fresh PostgreSQL database.
enum NovaApp {
    /// A database prepared for one test: the variables that select it, and direct access to its stores for seeding.
    struct Database: Sendable {
        let directory: TestEnvironment
        let variables: [String: String]

        /// A new SQLite file or PostgreSQL database.
        init(_ backend: Backend) async throws {
            directory = try TestEnvironment()
            variables = try await backend.environment()
        }

        /// Runs `body` with the stores of this database (migrated), beside any running app.
        func seed(_ body: @Sendable (NovaStores) async throws -> Void) async throws {
            let location: DatabaseLocation =
                if let url = variables["DATABASE_URL"] { .postgres(try PostgresURL(url)) } else {
                    .sqlite(path: directory.directory.appendingPathComponent("nova.sqlite").path)
                }
            try await StoreBackend.withDatabase(location, body)
        }
    }

    /// Runs `body` against a nova on `database` built from `extra` variables.
    static func run(
        _ database: Database, _ extra: [String: String] = [:], queue: any JobQueue = MemoryJobQueue(),
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let config = try NovaConfig(env: database.directory.nova(extra.merging(database.variables) { mine, _ in mine }))
        let app = try await NovaAPI.buildApplication(config: config, logger: TestEnvironment.logger, queue: queue)
        try await app.test(.router, body)
    }

    /// A `NOVA_SECRET_KEY` for tests (any string of 16+ characters derives a key).
    static let secretKey = "test secret key: never in production"

    /// The cipher of ``secretKey``.
    static let cipher: CredentialCipher = {
        do { return try CredentialCipher(secret: secretKey) } catch { preconditionFailure("\(error)") }
    }()

    /// Runs `body` against a nova built from `extra` variables on `backend`, its sandbox configured by `sandbox` when given.
    static func run(
        _ backend: Backend = .sqlite, _ extra: [String: String] = [:], directory: TestEnvironment? = nil, logger: Logger = TestEnvironment.logger,
        queue: any JobQueue = MemoryJobQueue(), sandbox: SandboxConfiguration? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let env = try directory ?? TestEnvironment()
        let variables = extra.merging(try await backend.environment()) { mine, _ in mine }
        let app = try await NovaAPI.buildApplication(
            config: NovaConfig(env: env.nova(variables)), logger: logger, queue: queue, sandboxConfiguration: sandbox)
        try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// PUTs a JSON body and returns the status and decoded answer.
    func put(_ uri: String, _ body: JSONValue) async throws -> (HTTPResponse.Status, JSONValue?) {
        try await execute(uri: uri, method: .put, body: body.body) { ($0.status, $0.json) }
    }

    /// POSTs a JSON body and returns the id of the object created.
    func create(_ uri: String, _ body: JSONValue) async throws -> Int {
        let (status, answer) = try await post(uri, body)
        guard status == .created, case .int(let id)? = answer?["id"] else {
            throw CreationFailed(description: "POST \(uri) answered \(status): \(answer?.jsonText ?? "no body")")
        }
        return id
    }
}

/// A fixture object could not be created.
struct CreationFailed: Error, CustomStringConvertible {
    let description: String
}
