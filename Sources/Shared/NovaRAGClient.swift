import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// nova's client for nova-rag (`RAG_SERVICE_URL`, `RAG_API_KEY`, `RAG_TIMEOUT_SECONDS`).
///
/// Every call has a deadline. The semantic-cache calls, retry rules and circuit breaker of contract §4.5 are
/// added with the code-cache pipeline; this client so far checks nova-rag's health.
package struct NovaRAGClient: Sendable {
    /// Base URL without a trailing `/`.
    package let baseURL: String
    private let apiKey: String?
    private let timeout: TimeAmount
    private let http: HTTPClient

    /// Creates a client; `timeoutSeconds` bounds each call from connect to last byte.
    package init(baseURL: String, apiKey: String?, timeoutSeconds: Double, http: HTTPClient = .shared) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeout = .milliseconds(Int64(timeoutSeconds * 1000))
        self.http = http
    }

    /// `GET /health`; throws when nova-rag does not answer 200 within the deadline.
    package func health() async throws -> RAGHealth {
        var request = HTTPClientRequest(url: baseURL + "/health")
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        let response = try await http.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw NovaRAGError.status(Int(response.status.code))
        }
        return try JSONDecoder().decode(RAGHealth.self, from: Data(body.readableBytesView))
    }
}

/// A call to nova-rag that did not succeed.
package enum NovaRAGError: Error, CustomStringConvertible, Sendable {
    /// nova-rag answered with this unexpected status.
    case status(Int)

    /// One line for logs and chain-of-work records.
    package var description: String {
        switch self {
        case .status(let code): "nova-rag answered HTTP \(code)"
        }
    }
}
