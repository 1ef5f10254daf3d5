import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NovaJSON
import Resilience
import Shared
import Testing

@testable import NovaRAG

@Suite("nova's client for nova-rag: deadlines, retries, circuit breaker")
struct NovaRAGClientTests {
    @Test("save, search and result reports round-trip through a live nova-rag with the service token")
    func roundTrip() async throws {
        let env = try TestEnvironment()
        let config = try RAGConfig(env: env.rag(["EMBEDDING_PROVIDER": "hash", "RAG_API_KEY": "tok-1"]))
        let app = try await NovaRAG.buildApplication(config: config, logger: TestEnvironment.logger)
        try await app.test(.live) { liveClient in
            // A deadline far above a loaded machine's latency: this test is about the round trip, not the deadline.
            let client = NovaRAGClient(baseURL: "http://127.0.0.1:\(liveClient.port!)", apiKey: "tok-1", timeoutSeconds: 15)
            let saved = try await client.save(
                CodeSaveRequest(
                    aiDescription: "Sum the amounts", inputSchema: ["amounts": .string("list[float]")], insights: [], config: [:], code: "print(1)",
                    nodeAction: "sum", nodeDescription: "Sum the amounts", workflowID: 4, metadata: ["required_keys": .array([.string("amounts")])]))
            let id = try #require(saved.id)
            let found = try await client.search(
                CodeSearchRequest(
                    query: "Prompt: Sum the amounts\n\nInput Schema:\n{\n  \"amounts\": \"list[float]\"\n}", threshold: 0.9, topK: 3,
                    availableKeys: ["amounts"], workflowID: 4))
            #expect(found.matches.first?.id == id)
            #expect(try await client.reportResult(id: id, CodeResultRequest(success: true)).successCount == 2)
            let unauthorized = NovaRAGClient(baseURL: "http://127.0.0.1:\(liveClient.port!)", apiKey: nil, timeoutSeconds: 15)
            await #expect(throws: NovaRAGError.status(401)) {
                _ = try await unauthorized.search(CodeSearchRequest(query: "q", threshold: 0.5, topK: 1, availableKeys: nil, workflowID: nil))
            }
            #expect(await unauthorized.breaker.state == .closed)
        }
    }

    @Test("with nova-rag down, three failed calls open the breaker and the next ones fail at once")
    func breakerOpens() async throws {
        let client = NovaRAGClient(baseURL: "http://127.0.0.1:9", apiKey: nil, timeoutSeconds: 1)
        let request = CodeSearchRequest(query: "q", threshold: 0.85, topK: 3, availableKeys: nil, workflowID: nil)
        for _ in 0..<3 {
            await #expect(throws: NovaRAGError.self) { _ = try await client.search(request) }
        }
        #expect(await client.breaker.state == .open)
        let started = ContinuousClock.now
        await #expect(throws: NovaRAGError.circuitOpen) { _ = try await client.search(request) }
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }

    @Test("documentation still loading (503 on /rag/query) fails the query without opening the breaker")
    func documentationNotReady() async throws {
        let router = Router()
        router.post("/rag/query") { _, _ in Response(status: .serviceUnavailable) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { live in
            // A deadline far above a loaded machine's latency: this test is about the 503, not the deadline.
            let client = NovaRAGClient(baseURL: "http://127.0.0.1:\(live.port!)", apiKey: nil, timeoutSeconds: 15)
            let request = RAGQueryRequest(query: "read a PDF", topK: 3)
            for _ in 0..<4 {
                await #expect(throws: NovaRAGError.status(503)) { _ = try await client.query(request) }
            }
            #expect(await client.breaker.state == .closed)
        }
    }

    @Test("a nova-rag slower than the deadline is abandoned at the deadline")
    func deadline() async throws {
        try await withFakeRAG(delay: .seconds(10), failuresBeforeSuccess: 0) { baseURL, _ in
            let client = NovaRAGClient(baseURL: baseURL, apiKey: nil, timeoutSeconds: 0.3)
            let started = ContinuousClock.now
            await #expect(throws: NovaRAGError.timeout) {
                _ = try await client.search(CodeSearchRequest(query: "q", threshold: 0.85, topK: 3, availableKeys: nil, workflowID: nil))
            }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test("a save that hits a 5xx is retried once; a search is not retried")
    func saveRetriedOnce() async throws {
        try await withFakeRAG(delay: .zero, failuresBeforeSuccess: 1) { baseURL, calls in
            let client = NovaRAGClient(baseURL: baseURL, apiKey: nil, timeoutSeconds: 15)
            let saved = try await client.save(
                CodeSaveRequest(
                    aiDescription: "a", inputSchema: [:], insights: [], config: [:], code: "x", nodeAction: "n", nodeDescription: "a",
                    workflowID: nil,
                    metadata: [:]))
            #expect(saved.success)
            #expect(calls.count == 2)
        }
        try await withFakeRAG(delay: .zero, failuresBeforeSuccess: 1) { baseURL, calls in
            let client = NovaRAGClient(baseURL: baseURL, apiKey: nil, timeoutSeconds: 15)
            await #expect(throws: NovaRAGError.status(503)) {
                _ = try await client.search(CodeSearchRequest(query: "q", threshold: 0.85, topK: 3, availableKeys: nil, workflowID: nil))
            }
            #expect(calls.count == 1)
        }
    }

    /// A stand-in nova-rag that waits `delay`, answers 503 `failuresBeforeSuccess` times, then succeeds.
    private func withFakeRAG(
        delay: Duration, failuresBeforeSuccess: Int, _ body: @Sendable (String, CallCounter) async throws -> Void
    ) async throws {
        let calls = CallCounter()
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { _, _ in
            let number = calls.increment()
            try await Task.sleep(for: delay)
            if number <= failuresBeforeSuccess { return Response(status: .serviceUnavailable) }
            let reply =
                #"{"success": true, "id": "code_0_1.0", "message": "Code saved to semantic cache", "error": null, "matches": [], "query": "q", "count": 0, "threshold": 0.85}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: reply)))
        }
        router.post("/code/save", use: handler)
        router.post("/code/search", use: handler)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)", calls)
        }
    }
}

/// Counts calls from concurrent handlers.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
    /// The count.
    var count: Int { lock.withLock { value } }
}
