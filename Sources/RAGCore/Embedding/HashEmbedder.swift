/// The deterministic test embedder of docs/api.md §2.11 (`EMBEDDING_PROVIDER=hash`): a bag of lower-cased word
/// tokens hashed into 1536 dimensions and L2-normalised. Identical texts score 1.0, texts with disjoint words 0.
/// For offline tests and benchmarks only; it understands nothing.
package struct HashEmbedder: Embedder {
    /// `hash-bow-<dimension>`.
    package let modelName: String
    /// 1536 by default, as the original's OpenAI model.
    package let dimension: Int

    /// Creates the embedder.
    package init(dimension: Int = 1536) {
        self.dimension = dimension
        self.modelName = "hash-bow-\(dimension)"
    }

    /// One vector per text.
    package func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map(vector)
    }

    /// The vector of one text (synchronous, for benchmarks that want no embedding cost).
    package func vector(_ text: String) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        for token in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            vector[Int(fnv1a(token) % UInt64(dimension))] += 1
        }
        return VectorMath.normalised(vector)
    }

    private func fnv1a(_ token: Substring) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
