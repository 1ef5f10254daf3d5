import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NovaCore
import NovaJSON

/// The HTTP exchange both LLM clients share: POST JSON with a deadline, map failures to ``LLMError``.
enum LLMHTTP {
    static func post(url: String, headers: [(String, String)], body: JSONValue, timeoutSeconds: Int64, http: HTTPClient) async throws -> JSONValue {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body.jsonText))
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .seconds(timeoutSeconds))
            bytes = try await response.body.collect(upTo: 32 << 20)
        } catch {
            throw LLMError("cannot reach the model provider: \(error)", isTransient: true)
        }
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            throw LLMError("the model provider answered HTTP \(status)", isTransient: status == 429 || status >= 500)
        }
        guard let answer = JSONValue(jsonText: String(buffer: bytes)) else {
            throw LLMError("the model provider sent an answer that is not JSON", isTransient: false)
        }
        return answer
    }
}
