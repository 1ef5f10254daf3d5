import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Resilience

/// nova's client for nova-rag (`RAG_SERVICE_URL`, `RAG_API_KEY`, `RAG_TIMEOUT_SECONDS`; docs/api.md §4.5, D3).
///
/// Every call has a deadline from connect to last byte; searches and documentation queries are never retried, saves
/// once. Connection failures, deadlines and 5xx answers count towards a circuit breaker (3 in a row open it for 60 s);
/// while it is open calls fail at once with ``NovaRAGError/circuitOpen`` so a node falls back to generation in
/// microseconds.
package struct NovaRAGClient: Sendable {
    /// Base URL without a trailing `/`.
    package let baseURL: String
    private let apiKey: String?
    private let timeout: TimeAmount
    private let http: HTTPClient
    /// The breaker guarding every call but `health()`.
    package let breaker: CircuitBreaker<ContinuousClock>

    /// Creates a client; `timeoutSeconds` bounds each call.
    package init(
        baseURL: String, apiKey: String?, timeoutSeconds: Double, http: HTTPClient = .shared,
        breaker: CircuitBreaker<ContinuousClock> = CircuitBreaker(failureThreshold: 3, openDuration: .seconds(60), clock: ContinuousClock())
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeout = .milliseconds(Int64(timeoutSeconds * 1000))
        self.http = http
        self.breaker = breaker
    }

    /// `GET /health`, outside the breaker (the health monitor must see recovery).
    package func health() async throws -> RAGHealth {
        try await send(method: .GET, path: "/health", body: nil, as: RAGHealth.self)
    }

    /// `POST /code/search`, once.
    package func search(_ request: CodeSearchRequest) async throws -> CodeSearchResponse {
        try await guarded {
            try await send(method: .POST, path: "/code/search", body: try JSONEncoder().encode(request), as: CodeSearchResponse.self)
        }
    }

    /// `POST /code/save`, retried once after a failure that is not the caller's fault.
    package func save(_ request: CodeSaveRequest) async throws -> CodeSaveResponse {
        let body = try JSONEncoder().encode(request)
        do {
            return try await guarded { try await send(method: .POST, path: "/code/save", body: body, as: CodeSaveResponse.self) }
        } catch let error as NovaRAGError where error.isInfrastructure && error != .circuitOpen {
            return try await guarded { try await send(method: .POST, path: "/code/save", body: body, as: CodeSaveResponse.self) }
        }
    }

    /// `POST /rag/query`, once (documentation snippets for a generation). A 503 — documentation still loading at
    /// nova-rag's start-up, while its code cache already works — fails the call without counting towards the breaker.
    package func query(_ request: RAGQueryRequest) async throws -> RAGQueryResponse {
        try await guarded(countsAsFailure: { $0.isInfrastructure && $0 != .status(503) }) {
            try await send(method: .POST, path: "/rag/query", body: try JSONEncoder().encode(request), as: RAGQueryResponse.self)
        }
    }

    /// `POST /code/entries/{id}/result`: whether reused code worked (and how it was found).
    package func reportResult(id: String, _ report: CodeResultRequest) async throws -> CodeResultResponse {
        let path = "/code/entries/\(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)/result"
        return try await guarded {
            try await send(method: .POST, path: path, body: try JSONEncoder().encode(report), as: CodeResultResponse.self)
        }
    }

    /// `POST /code/entries/{id}/verdict`: the model's verdict on a candidate.
    package func reportVerdict(id: String, _ verdict: CodeVerdictRequest) async throws -> CodeVerdictResponse {
        let path = "/code/entries/\(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)/verdict"
        return try await guarded {
            try await send(method: .POST, path: path, body: try JSONEncoder().encode(verdict), as: CodeVerdictResponse.self)
        }
    }

    /// `GET /code/entries`: a page of workflow `workflowID`'s entries, most recently used first (for the dashboard).
    package func entries(workflowID: Int, limit: Int, offset: Int) async throws -> CodeEntriesResponse {
        try await guarded {
            try await send(
                method: .GET, path: "/code/entries?workflow_id=\(workflowID)&limit=\(limit)&offset=\(offset)", body: nil, as: CodeEntriesResponse.self
            )
        }
    }

    /// `DELETE /code/entries/{id}` (an admin route of nova-rag: 403 unless it has `RAG_API_KEY` or allows admin calls).
    package func deleteEntry(id: String) async throws -> CodeDeleteResponse {
        var segment = CharacterSet.urlPathAllowed
        segment.remove("/")
        let path = "/code/entries/\(id.addingPercentEncoding(withAllowedCharacters: segment) ?? id)"
        return try await guarded { try await send(method: .DELETE, path: path, body: nil, as: CodeDeleteResponse.self) }
    }

    private func guarded<T: Sendable>(
        countsAsFailure: (NovaRAGError) -> Bool = { $0.isInfrastructure }, _ call: () async throws -> T
    ) async throws -> T {
        guard await breaker.allowsCall() else { throw NovaRAGError.circuitOpen }
        do {
            let value = try await call()
            await breaker.recordSuccess()
            return value
        } catch let error as NovaRAGError {
            if countsAsFailure(error) { await breaker.recordFailure() } else { await breaker.recordSuccess() }
            throw error
        }
    }

    private func send<T: Decodable>(method: HTTPMethod, path: String, body: Data?, as type: T.Type) async throws -> T {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let bytes: ByteBuffer
        let status: Int
        do {
            let response = try await http.execute(request, deadline: .now() + timeout)
            status = Int(response.status.code)
            bytes = try await response.body.collect(upTo: 16 << 20)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw NovaRAGError.timeout
        } catch {
            throw NovaRAGError.transport(String(describing: error))
        }
        guard (200..<300).contains(status) else { throw NovaRAGError.status(status) }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes.readableBytesView))
        } catch {
            throw NovaRAGError.malformedAnswer(path)
        }
    }
}

/// A call to nova-rag that did not succeed.
package enum NovaRAGError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The breaker is open: nova-rag failed repeatedly and is not called for a while.
    case circuitOpen
    /// No complete answer within the deadline.
    case timeout
    /// Connection refused, reset, DNS failure…
    case transport(String)
    /// nova-rag answered with this status.
    case status(Int)
    /// The answer was not the expected JSON.
    case malformedAnswer(String)

    /// Whether the failure is nova-rag's (counts for the breaker) rather than a rejected request.
    package var isInfrastructure: Bool {
        switch self {
        case .circuitOpen, .timeout, .transport: true
        case .status(let code): code >= 500
        case .malformedAnswer: true
        }
    }

    /// One line for logs and chain-of-work records.
    package var description: String {
        switch self {
        case .circuitOpen: "nova-rag circuit breaker is open"
        case .timeout: "nova-rag did not answer within the deadline"
        case .transport(let reason): "cannot reach nova-rag: \(reason)"
        case .status(let code): "nova-rag answered HTTP \(code)"
        case .malformedAnswer(let path): "nova-rag sent an unexpected answer to \(path)"
        }
    }
}
