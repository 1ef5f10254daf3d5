import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NovaJSON

/// A local server speaking OpenAI chat completions (`POST /v1/chat/completions`) and Anthropic Messages
/// (`POST /v1/messages`), answering from a script of replies in order and recording every request body.
final class FakeLLM: @unchecked Sendable {
    /// One scripted answer: text, or an HTTP status to fail with.
    enum Reply: Sendable {
        case text(String)
        case status(Int)
    }

    private let lock = NSLock()
    private var script: [Reply]
    private var bodies: [String] = []
    private var headers: [[String: String]] = []

    init(replies: [Reply]) {
        script = replies
    }

    /// Every request body received.
    var requests: [String] { lock.withLock { bodies } }
    /// The interesting headers of every request (`authorization`, `x-api-key`, `anthropic-version`).
    var requestHeaders: [[String: String]] { lock.withLock { headers } }

    private func next(_ request: Request, body: String) -> Reply {
        lock.withLock {
            bodies.append(body)
            var seen: [String: String] = [:]
            for field in request.headers where ["authorization", "x-api-key", "anthropic-version"].contains(field.name.canonicalName) {
                seen[field.name.canonicalName] = field.value
            }
            headers.append(seen)
            return script.isEmpty ? .status(500) : script.removeFirst()
        }
    }

    /// Runs `body` with the server listening; the argument is `http://127.0.0.1:<port>`.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 16 << 20))
            switch self.next(request, body: text) {
            case .status(let code): return Response(status: .init(code: code))
            case .text(let answer):
                return Self.json([
                    "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini",
                    "choices": .array([
                        .object(["index": 0, "message": .object(["role": "assistant", "content": .string(answer)]), "finish_reason": "stop"])
                    ]),
                    "usage": .object(["prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160]),
                ])
            }
        }
        router.post("/v1/messages") { request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 16 << 20))
            switch self.next(request, body: text) {
            case .status(let code): return Response(status: .init(code: code))
            case .text(let answer):
                return Self.json([
                    "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                    "content": .array([.object(["type": "text", "text": .string(answer)])]), "stop_reason": "end_turn",
                    "usage": .object(["input_tokens": 200, "output_tokens": 50]),
                ])
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body("http://127.0.0.1:\(client.port!)") }
    }

    private static func json(_ members: [String: JSONValue]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(members).jsonText)))
    }
}
