import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NovaCore
import NovaJSON
import RAGCore

/// A local server speaking OpenAI's embeddings wire format (`POST /v1/embeddings`), recording every request body.
/// Vectors are the hash embedder's, so results are deterministic; `failing` makes it answer 500.
final class FakeOpenAI: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String] = []
    private var authorizations: [String] = []
    var failing = false

    /// Every request body received, as text.
    var requests: [String] { lock.withLock { bodies } }
    /// Every `Authorization` header received.
    var authorizationHeaders: [String] { lock.withLock { authorizations } }

    /// Runs `body` with the server listening; the argument is its base URL (`http://127.0.0.1:<port>/v1`).
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v1/embeddings") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 16 << 20)
            let text = String(buffer: buffer)
            self.lock.withLock {
                self.bodies.append(text)
                self.authorizations.append(request.headers[.authorization] ?? "")
            }
            if self.failing { return Response(status: .internalServerError) }
            let inputs = JSONValue(jsonText: text)?["input"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let data: [JSONValue] = inputs.enumerated().map { index, input in
                .object([
                    "object": .string("embedding"), "index": .int(index),
                    "embedding": .array(HashEmbedder().vector(input).map { .double(Double($0)) }),
                ])
            }
            let reply = JSONValue.object([
                "object": .string("list"), "data": .array(data), "model": .string("text-embedding-3-small"),
                "usage": .object(["prompt_tokens": .int(inputs.count), "total_tokens": .int(inputs.count)]),
            ])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: reply.jsonText)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/v1")
        }
    }
}
