/// Scratch memory for one forward pass over a packed batch of `tokenCount` tokens. Each call
/// to the encoder makes its own, so concurrent calls never share mutable state.
struct EncoderWorkspace: ~Copyable {
    /// `tokenCount × hidden`: the token vectors, updated layer by layer.
    let hidden: UnsafeMutablePointer<Float>
    /// `tokenCount × 3·hidden`: query, key and value of every token side by side.
    let queryKeyValue: UnsafeMutablePointer<Float>
    /// `tokenCount × hidden`: the attention heads' outputs, concatenated.
    let context: UnsafeMutablePointer<Float>
    /// `tokenCount × hidden`: output of a projection before its residual connection.
    let projection: UnsafeMutablePointer<Float>
    /// `tokenCount × intermediate`: the feed-forward layer's activations.
    let intermediate: UnsafeMutablePointer<Float>
    /// One buffer of ``scoresSize`` floats per thread, for one head's attention scores.
    let scores: UnsafeMutablePointer<Float>
    /// `longestSequence × longestSequence`.
    let scoresSize: Int
    private let storage: UnsafeMutableRawPointer

    /// Allocates the buffers for `tokenCount` tokens in sequences of at most `longestSequence`,
    /// processed by `threadCount` threads.
    init(tokenCount: Int, longestSequence: Int, threadCount: Int, configuration config: BertConfiguration) {
        let hiddenSize = config.hiddenSize
        let sizes = [
            tokenCount * hiddenSize, tokenCount * 3 * hiddenSize, tokenCount * hiddenSize,
            tokenCount * hiddenSize, tokenCount * config.intermediateSize,
            threadCount * longestSequence * longestSequence,
        ]
        // Each buffer starts on a 64-byte boundary.
        let padded = sizes.map { ($0 + 15) / 16 * 16 }
        storage = UnsafeMutableRawPointer.allocate(
            byteCount: padded.reduce(0, +) * MemoryLayout<Float>.stride, alignment: 64)
        var next = storage.bindMemory(to: Float.self, capacity: padded.reduce(0, +))
        func take(_ index: Int) -> UnsafeMutablePointer<Float> {
            defer { next += padded[index] }
            return next
        }
        hidden = take(0)
        queryKeyValue = take(1)
        context = take(2)
        projection = take(3)
        intermediate = take(4)
        scores = take(5)
        scoresSize = longestSequence * longestSequence
    }

    deinit {
        storage.deallocate()
    }
}
