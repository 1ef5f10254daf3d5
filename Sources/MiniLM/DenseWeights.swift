import COpenBLAS

/// A fully connected layer `y = x · W + b`. `W` is stored transposed from PyTorch's layout, as
/// `inputSize` rows of `outputSize` values, which makes the matrix product cheaper for the few
/// rows of a single sentence.
struct DenseWeights: Sendable {
    /// Number of input features.
    let inputSize: Int
    /// Number of output features.
    let outputSize: Int
    /// `inputSize × outputSize`, row-major.
    let weight: FloatBuffer
    /// `outputSize` values.
    let bias: FloatBuffer

    /// Loads the layers `prefixes` (`<prefix>.weight`, PyTorch's `outputSize × inputSize`, and
    /// `<prefix>.bias`) and stacks them into one layer whose outputs are theirs side by side, so
    /// that for example query, key and value come out of a single matrix product.
    init(stacking prefixes: [String], inputSize: Int, outputSize: Int, from file: SafeTensorsFile) throws {
        let totalSize = outputSize * prefixes.count
        self.inputSize = inputSize
        self.outputSize = totalSize
        weight = try FloatBuffer(count: inputSize * totalSize) { destination in
            for (index, prefix) in prefixes.enumerated() {
                try file.withFloats(prefix + ".weight", shape: [outputSize, inputSize]) { source in
                    cblas_somatcopy(
                        CblasRowMajor, CblasTrans, Int32(outputSize), Int32(inputSize), 1,
                        source.baseAddress!, Int32(inputSize), destination + index * outputSize, Int32(totalSize))
                }
            }
        }
        bias = try FloatBuffer(count: totalSize) { destination in
            for (index, prefix) in prefixes.enumerated() {
                try file.copyFloats(prefix + ".bias", shape: [outputSize], to: destination + index * outputSize)
            }
        }
    }
}
