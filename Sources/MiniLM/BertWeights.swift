/// All the weights of a BERT encoder that the embedding computation uses (the pooler is not).
struct BertWeights: Sendable {
    /// `vocabularySize × hidden` word embeddings.
    let wordEmbeddings: FloatBuffer
    /// `maxPositions × hidden`: each position embedding plus the token-type-0 embedding, added
    /// once at load time since every token of a single-text input has token type 0.
    let positionEmbeddings: FloatBuffer
    /// LayerNorm applied to the summed embeddings.
    let embeddingNorm: LayerNormWeights
    /// The transformer layers, first to last.
    let layers: [BertLayerWeights]

    /// Loads every tensor the encoder needs from `file`, checking each one's dtype and shape.
    init(configuration config: BertConfiguration, from file: SafeTensorsFile) throws {
        let hidden = config.hiddenSize
        wordEmbeddings = try FloatBuffer(count: config.vocabularySize * hidden) {
            try file.copyFloats(
                "embeddings.word_embeddings.weight", shape: [config.vocabularySize, hidden], to: $0)
        }
        let typeEmbeddings = try FloatBuffer(count: config.typeVocabularySize * hidden) {
            try file.copyFloats(
                "embeddings.token_type_embeddings.weight", shape: [config.typeVocabularySize, hidden], to: $0)
        }
        positionEmbeddings = try FloatBuffer(count: config.maxPositions * hidden) { destination in
            try file.copyFloats(
                "embeddings.position_embeddings.weight", shape: [config.maxPositions, hidden], to: destination)
            for position in 0..<config.maxPositions {
                let row = destination + position * hidden
                for feature in 0..<hidden {
                    row[feature] += typeEmbeddings.pointer[feature]
                }
            }
        }
        embeddingNorm = try LayerNormWeights(prefix: "embeddings.LayerNorm", size: hidden, from: file)
        layers = try (0..<config.layerCount).map {
            try BertLayerWeights(index: $0, configuration: config, from: file)
        }
    }
}
