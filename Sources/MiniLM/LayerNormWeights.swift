/// The scale and shift of a LayerNorm over `size` features.
struct LayerNormWeights: Sendable {
    /// Number of features normalised together.
    let size: Int
    /// Scale (`weight` in PyTorch).
    let gamma: FloatBuffer
    /// Shift (`bias` in PyTorch).
    let beta: FloatBuffer

    /// Loads `<prefix>.weight` and `<prefix>.bias`.
    init(prefix: String, size: Int, from file: SafeTensorsFile) throws {
        self.size = size
        gamma = try FloatBuffer(count: size) { try file.copyFloats(prefix + ".weight", shape: [size], to: $0) }
        beta = try FloatBuffer(count: size) { try file.copyFloats(prefix + ".bias", shape: [size], to: $0) }
    }
}
