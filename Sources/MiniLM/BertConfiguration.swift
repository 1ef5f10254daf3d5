import Foundation

/// The architecture of a BERT encoder, read from the model's `config.json`.
struct BertConfiguration: Sendable, Equatable {
    /// Width of every token vector (384 for all-MiniLM-L6-v2).
    let hiddenSize: Int
    /// Number of transformer layers.
    let layerCount: Int
    /// Number of attention heads per layer.
    let headCount: Int
    /// Width of the feed-forward layer.
    let intermediateSize: Int
    /// Number of rows of the word-embedding table.
    let vocabularySize: Int
    /// Number of rows of the position-embedding table.
    let maxPositions: Int
    /// Number of rows of the token-type-embedding table.
    let typeVocabularySize: Int
    /// The epsilon added to the variance in every LayerNorm.
    let layerNormEpsilon: Float

    /// Width of one attention head.
    var headSize: Int { hiddenSize / headCount }

    /// Reads and checks `config.json`; only BERT with absolute positions and erf GELU is supported.
    init(contentsOf url: URL) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        } catch {
            throw MiniLMError.invalidModelFile(url, reason: "not readable JSON (\(error))")
        }
        guard let json = object as? [String: Any] else {
            throw MiniLMError.invalidModelFile(url, reason: "not a JSON object")
        }
        func integer(_ key: String) throws -> Int {
            guard let value = json[key] as? Int, value > 0 else {
                throw MiniLMError.invalidModelFile(url, reason: "\"\(key)\" is not a positive integer")
            }
            return value
        }
        let modelType = json["model_type"] as? String ?? "bert"
        let activation = json["hidden_act"] as? String ?? "gelu"
        let positions = json["position_embedding_type"] as? String ?? "absolute"
        guard modelType == "bert", activation == "gelu", positions == "absolute" else {
            throw MiniLMError.invalidModelFile(
                url,
                reason: "unsupported model (type \(modelType), activation \(activation), "
                    + "positions \(positions)); expected bert, gelu, absolute")
        }
        hiddenSize = try integer("hidden_size")
        layerCount = try integer("num_hidden_layers")
        headCount = try integer("num_attention_heads")
        intermediateSize = try integer("intermediate_size")
        vocabularySize = try integer("vocab_size")
        maxPositions = try integer("max_position_embeddings")
        typeVocabularySize = try integer("type_vocab_size")
        layerNormEpsilon = Float((json["layer_norm_eps"] as? Double) ?? 1e-12)
        guard hiddenSize % headCount == 0 else {
            throw MiniLMError.invalidModelFile(
                url, reason: "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
    }
}
