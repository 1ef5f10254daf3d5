import HummingbirdTesting
import RAGCore

@testable import NovaRAG

/// Builds nova-rag like `nova-rag serve` does and drives it through the router.
enum RAGApp {
    /// Runs `body` against a nova-rag configured by `variables` in `directory` (a new one by default), with the admin
    /// routes open when `allowAdmin`, and `embedder` in place of the configured one when given; returns what `body`
    /// returns.
    static func run<T: Sendable>(
        _ variables: [String: String] = [:], directory: TestEnvironment? = nil, allowAdmin: Bool = false, embedder: (any Embedder)? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let env = try directory ?? TestEnvironment()
        var config = try RAGConfig(env: env.rag(variables))
        config.allowUnauthenticatedAdmin = allowAdmin
        let app = try await NovaRAG.buildApplication(config: config, logger: TestEnvironment.logger, embedder: embedder)
        return try await app.test(.router, body)
    }
}
