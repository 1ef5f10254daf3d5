import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NovaCore
import NovaJSON

@testable import NovaAPI

/// Builds nova like `nova serve` does and drives it through the router, on SQLite or a fresh PostgreSQL database.
enum NovaApp {
    /// A `NOVA_SECRET_KEY` for tests (any string of 16+ characters derives a key).
    static let secretKey = "test secret key: never in production"

    /// Runs `body` against a nova built from `extra` variables on `backend`.
    static func run(
        _ backend: Backend = .sqlite, _ extra: [String: String] = [:], directory: TestEnvironment? = nil, logger: Logger = TestEnvironment.logger,
        queue: any JobQueue = MemoryJobQueue(), _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let env = try directory ?? TestEnvironment()
        let variables = extra.merging(try await backend.environment()) { mine, _ in mine }
        let app = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova(variables)), logger: logger, queue: queue)
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
