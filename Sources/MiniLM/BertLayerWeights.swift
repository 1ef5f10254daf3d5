/// The weights of one transformer layer of a BERT encoder.
struct BertLayerWeights: Sendable {
    /// Query, key and value projections stacked into one `3·hidden × hidden` layer.
    let attentionInput: DenseWeights
    /// Projection of the concatenated attention heads.
    let attentionOutput: DenseWeights
    /// LayerNorm after the attention block's residual connection.
    let attentionNorm: LayerNormWeights
    /// First feed-forward layer (hidden → intermediate, followed by GELU).
    let intermediate: DenseWeights
    /// Second feed-forward layer (intermediate → hidden).
    let output: DenseWeights
    /// LayerNorm after the feed-forward block's residual connection.
    let outputNorm: LayerNormWeights

    /// Loads layer `index` (`encoder.layer.<index>.…` tensors).
    init(index: Int, configuration config: BertConfiguration, from file: SafeTensorsFile) throws {
        let prefix = "encoder.layer.\(index)."
        let hidden = config.hiddenSize
        attentionInput = try DenseWeights(
            stacking: ["query", "key", "value"].map { prefix + "attention.self." + $0 },
            inputSize: hidden, outputSize: hidden, from: file)
        attentionOutput = try DenseWeights(
            stacking: [prefix + "attention.output.dense"], inputSize: hidden, outputSize: hidden, from: file)
        attentionNorm = try LayerNormWeights(prefix: prefix + "attention.output.LayerNorm", size: hidden, from: file)
        intermediate = try DenseWeights(
            stacking: [prefix + "intermediate.dense"], inputSize: hidden, outputSize: config.intermediateSize,
            from: file)
        output = try DenseWeights(
            stacking: [prefix + "output.dense"], inputSize: config.intermediateSize, outputSize: hidden, from: file)
        outputNorm = try LayerNormWeights(prefix: prefix + "output.LayerNorm", size: hidden, from: file)
    }
}
