import AsyncHTTPClient
import Foundation
import NIOCore
import NovaCore
import RAGCore

/// Embeddings from an OpenAI-compatible `POST {OPENAI_BASE_URL}/embeddings` API, normalised to unit length.
struct OpenAIEmbedder: Embedder {
    let modelName: String
    let dimension: Int
    private let baseURL: String
    private let apiKey: String
    private let http: HTTPClient

    init(baseURL: String, apiKey: String, model: String, dimension: Int, http: HTTPClient = .shared) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.modelName = model
        self.dimension = dimension
        self.http = http
    }

    private struct Reply: Decodable {
        struct Item: Decodable {
            let index: Int
            let embedding: [Float]
        }
        let data: [Item]
    }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        var request = HTTPClientRequest(url: baseURL + "/embeddings")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = try JSONSerialization.data(withJSONObject: ["model": modelName, "input": texts])
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await http.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else {
            throw EmbedderError(description: "embeddings API answered HTTP \(response.status.code)")
        }
        let reply = try JSONDecoder().decode(Reply.self, from: Data(bytes.readableBytesView))
        guard reply.data.count == texts.count else {
            throw EmbedderError(description: "embeddings API returned \(reply.data.count) vectors for \(texts.count) texts")
        }
        return reply.data.sorted { $0.index < $1.index }.map { VectorMath.normalised($0.embedding) }
    }
}

/// An embedder that could not produce vectors.
struct EmbedderError: Error, CustomStringConvertible {
    let description: String
}
