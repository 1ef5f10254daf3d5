import COpenBLAS

/// The BERT forward pass with mean pooling and L2 normalisation.
///
/// A batch is packed: the tokens of all its sequences are stacked into one matrix, so every
/// dense layer is a single matrix product over all tokens and no position is padding.
/// Attention runs per sequence and head over that sequence's own tokens only, which is what
/// an attention mask over padded positions computes, so a text gets the same vector alone
/// or in any batch.
///
/// Every step is spread over the threads of ``parallel``: matrix products by output columns
/// (each thread then adds the bias, and GELU, to its own columns), attention by sequence and
/// head, LayerNorm by rows.
struct BertEncoder: Sendable {
    /// The architecture.
    let configuration: BertConfiguration
    /// The weights.
    let weights: BertWeights
    /// The threads every step of the pass is spread over.
    let parallel: ParallelWork

    /// One unit-length embedding per sequence of token ids (each `[CLS] … [SEP]`, non-empty and
    /// no longer than the position table), computed in one forward pass.
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let config = configuration
        let lengths = sequences.map(\.count)
        precondition(lengths.allSatisfy { $0 > 0 && $0 <= config.maxPositions }, "sequence length out of range")
        var offsets = [0]
        for length in lengths.dropLast() {
            offsets.append(offsets[offsets.count - 1] + length)
        }
        let tokenCount = lengths.reduce(0, +)
        let workspace = EncoderWorkspace(
            tokenCount: tokenCount, longestSequence: lengths.max()!, threadCount: parallel.threadCount,
            configuration: config)

        embedTokens(sequences, into: workspace.hidden)
        for layer in weights.layers {
            attention(layer, offsets: offsets, lengths: lengths, tokenCount: tokenCount, workspace: workspace)
            feedForward(layer, tokenCount: tokenCount, workspace: workspace)
        }
        return zip(offsets, lengths).map { offset, length in
            meanPooledUnitVector(workspace.hidden + offset * config.hiddenSize, rows: length)
        }
    }

    /// Word plus position (plus token type 0) embeddings of every token, then LayerNorm.
    private func embedTokens(_ sequences: [[Int32]], into hidden: UnsafeMutablePointer<Float>) {
        let width = configuration.hiddenSize
        let words = weights.wordEmbeddings.pointer
        let positions = weights.positionEmbeddings.pointer
        let norm = weights.embeddingNorm
        var row = hidden
        for sequence in sequences {
            for (position, token) in sequence.enumerated() {
                let id = Int(token)
                precondition(id >= 0 && id < configuration.vocabularySize, "token id \(id) out of range")
                let word = words + id * width
                let place = positions + position * width
                for column in 0..<width {
                    row[column] = word[column] + place[column]
                }
                Kernels.layerNorm(
                    row, width: width, gamma: norm.gamma.pointer, beta: norm.beta.pointer,
                    epsilon: configuration.layerNormEpsilon)
                row += width
            }
        }
    }

    /// Self-attention block: QKV projection, per-sequence per-head scaled dot-product attention,
    /// output projection, residual connection and LayerNorm.
    private func attention(
        _ layer: BertLayerWeights, offsets: [Int], lengths: [Int], tokenCount: Int,
        workspace: borrowing EncoderWorkspace
    ) {
        let hiddenSize = configuration.hiddenSize
        let headSize = configuration.headSize
        let headCount = configuration.headCount
        let stride = 3 * hiddenSize
        let qkv = workspace.queryKeyValue
        let context = workspace.context
        let scoresBuffers = workspace.scores
        let scoresSize = workspace.scoresSize
        multiply(workspace.hidden, rows: tokenCount, by: layer.attentionInput, into: qkv) { columns in
            Kernels.addBias(qkv, rows: tokenCount, stride: stride, columns: columns, bias: layer.attentionInput.bias.pointer)
        }

        let scale = 1 / Float(headSize).squareRoot()
        let parts = parallel.threadCount
        let pairs = lengths.count * headCount
        parallel.run(parts: parts) { part in
            let scores = scoresBuffers + part * scoresSize
            // Round-robin, so that the heads of a long sequence are shared out evenly.
            for pair in Swift.stride(from: part, to: pairs, by: parts) {
                let (sequence, head) = pair.quotientAndRemainder(dividingBy: headCount)
                let offset = offsets[sequence]
                let length = lengths[sequence]
                let count = Int32(length)
                let query = qkv + offset * stride + head * headSize
                let key = query + hiddenSize
                let value = query + 2 * hiddenSize
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, count, count, Int32(headSize),
                    scale, query, Int32(stride), key, Int32(stride), 0, scores, count)
                Kernels.softmaxRows(scores, rows: length, columns: length)
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasNoTrans, count, Int32(headSize), count,
                    1, scores, count, value, Int32(stride),
                    0, context + offset * hiddenSize + head * headSize, Int32(hiddenSize))
            }
        }

        multiply(context, rows: tokenCount, by: layer.attentionOutput, into: workspace.projection)
        addBiasResidualLayerNorm(
            workspace.hidden, update: workspace.projection, bias: layer.attentionOutput.bias.pointer,
            rows: tokenCount, norm: layer.attentionNorm)
    }

    /// Feed-forward block: dense + GELU, dense, residual connection and LayerNorm.
    private func feedForward(_ layer: BertLayerWeights, tokenCount: Int, workspace: borrowing EncoderWorkspace) {
        let intermediate = workspace.intermediate
        let width = layer.intermediate.outputSize
        multiply(workspace.hidden, rows: tokenCount, by: layer.intermediate, into: intermediate) { columns in
            Kernels.addBiasGELU(
                intermediate, rows: tokenCount, stride: width, columns: columns, bias: layer.intermediate.bias.pointer)
        }
        multiply(intermediate, rows: tokenCount, by: layer.output, into: workspace.projection)
        addBiasResidualLayerNorm(
            workspace.hidden, update: workspace.projection, bias: layer.output.bias.pointer,
            rows: tokenCount, norm: layer.outputNorm)
    }

    /// ``Kernels/addBiasResidualLayerNorm(_:update:bias:rows:norm:epsilon:)`` with the rows spread
    /// over the threads.
    private func addBiasResidualLayerNorm(
        _ hidden: UnsafeMutablePointer<Float>, update: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        rows: Int, norm: LayerNormWeights
    ) {
        let width = norm.size
        let epsilon = configuration.layerNormEpsilon
        let parts = parallel.threadCount
        parallel.run(parts: parts) { part in
            let slice = ParallelWork.slice(part, of: parts, count: rows)
            Kernels.addBiasResidualLayerNorm(
                hidden + slice.lowerBound * width, update: update + slice.lowerBound * width, bias: bias,
                rows: slice.count, norm: norm, epsilon: epsilon)
        }
    }

    /// The mean of `rows` token vectors, scaled to unit length.
    private func meanPooledUnitVector(_ tokens: UnsafePointer<Float>, rows: Int) -> [Float] {
        let width = configuration.hiddenSize
        var vector = [Float](repeating: 0, count: width)
        vector.withUnsafeMutableBufferPointer { mean in
            for row in 0..<rows {
                let line = tokens + row * width
                for column in 0..<width {
                    mean[column] += line[column]
                }
            }
            var squares: Float = 0
            for column in 0..<width {
                mean[column] /= Float(rows)
                squares += mean[column] * mean[column]
            }
            let scale = 1 / Swift.max(squares.squareRoot(), 1e-12)
            for column in 0..<width {
                mean[column] *= scale
            }
        }
        return vector
    }

    /// `output = input · layer.weight` for `rows` input rows, split by output columns over the
    /// threads; `epilogue(columns)` then runs on the thread that computed those columns (to add
    /// the bias, fused with what follows).
    private func multiply(
        _ input: UnsafePointer<Float>, rows: Int, by layer: DenseWeights, into output: UnsafeMutablePointer<Float>,
        epilogue: (Range<Int>) -> Void = { _ in }
    ) {
        let parts = parallel.threadCount
        parallel.run(parts: parts) { part in
            let columns = ParallelWork.slice(part, of: parts, count: layer.outputSize, alignment: 16)
            guard !columns.isEmpty else { return }
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(columns.count), Int32(layer.inputSize),
                1, input, Int32(layer.inputSize), layer.weight.pointer + columns.lowerBound, Int32(layer.outputSize),
                0, output + columns.lowerBound, Int32(layer.outputSize))
            epilogue(columns)
        }
    }
}
