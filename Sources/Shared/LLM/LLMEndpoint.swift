import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NovaCore
import NovaJSON

/// Where a provider client sends its requests and how: base URL (a trailing slash dropped), API key, deadline of one
/// call, HTTP client. Posts JSON and maps failures to ``LLMError`` (network, 429 and 5xx are transient).
package struct LLMEndpoint: Sendable {
    /// The API base, without a trailing slash.
    package let baseURL: String
    /// The provider key (never logged, never in an error).
    let apiKey: String
    private let timeoutSeconds: Int64
    private let http: HTTPClient

    /// An endpoint at `baseURL` with `apiKey`, each call bounded by `timeoutSeconds`.
    package init(baseURL: String, apiKey: String, timeoutSeconds: Int64 = 120, http: HTTPClient = .shared) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.http = http
    }

    /// POSTs `body` to `baseURL + path` with `headers`; the answer as JSON.
    func post(_ path: String, headers: [(String, String)], body: JSONValue) async throws -> JSONValue {
        var request = HTTPClientRequest(url: baseURL + path)
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
