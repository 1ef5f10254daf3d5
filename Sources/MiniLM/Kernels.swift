/// The non-matrix-product arithmetic of the encoder: tight loops over raw pointers, written
/// branch-free with independent accumulators so that release builds vectorise them.
enum Kernels {
    /// `e^x`, accurate to about 1 ulp, for `x` clamped to [-87, 88] (Cephes `expf` polynomial,
    /// with `2^n` built from the exponent bits instead of calling `ldexp`).
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87), 88)
        // Adding 1.5·2²³ rounds to an integer n kept in the low mantissa bits.
        let shifted = clamped * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let mantissa = p * r * r + r + 1
        let scale = Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23)
        return mantissa * scale
    }

    /// `erf(x)` with absolute error below 2·10⁻⁷ (Abramowitz & Stegun 7.1.26).
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let a = x.magnitude
        let t = 1 / (1 + 0.327_591_1 * a)
        var p: Float = 1.061_405_429
        p = p * t - 1.453_152_027
        p = p * t + 1.421_413_741
        p = p * t - 0.284_496_736
        p = p * t + 0.254_829_592
        let magnitude = 1 - p * t * exp(-a * a)
        return Float(signOf: x, magnitudeOf: magnitude)
    }

    /// `values[r][c] += bias[c]` for the `columns` of `rows` rows of a row-major matrix whose
    /// rows are `stride` values apart.
    static func addBias(
        _ values: UnsafeMutablePointer<Float>, rows: Int, stride: Int, columns: Range<Int>, bias: UnsafePointer<Float>
    ) {
        for row in 0..<rows {
            let line = values + row * stride
            for column in columns {
                line[column] += bias[column]
            }
        }
    }

    /// `values[r][c] = GELU(values[r][c] + bias[c])` with the exact (erf) GELU, for the `columns`
    /// of `rows` rows of a row-major matrix whose rows are `stride` values apart.
    static func addBiasGELU(
        _ values: UnsafeMutablePointer<Float>, rows: Int, stride: Int, columns: Range<Int>, bias: UnsafePointer<Float>
    ) {
        for row in 0..<rows {
            let line = values + row * stride
            for column in columns {
                let x = line[column] + bias[column]
                line[column] = 0.5 * x * (1 + erf(x * 0.707_106_781_186_547_5))
            }
        }
    }

    /// `hidden[r] = LayerNorm(hidden[r] + update[r] + bias)` for each of `rows` rows of `norm.size`
    /// values: the bias of the layer that produced `update`, the residual connection and the
    /// LayerNorm in one pass.
    static func addBiasResidualLayerNorm(
        _ hidden: UnsafeMutablePointer<Float>, update: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        rows: Int, norm: LayerNormWeights, epsilon: Float
    ) {
        let width = norm.size
        for row in 0..<rows {
            let line = hidden + row * width
            let delta = update + row * width
            for column in 0..<width {
                line[column] += delta[column] + bias[column]
            }
            layerNorm(line, width: width, gamma: norm.gamma.pointer, beta: norm.beta.pointer, epsilon: epsilon)
        }
    }

    /// Normalises one row of `width` values in place to zero mean and unit variance, then scales
    /// by `gamma` and shifts by `beta`.
    static func layerNorm(
        _ line: UnsafeMutablePointer<Float>, width: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
        epsilon: Float
    ) {
        let mean = sum(line, count: width) / Float(width)
        var squares = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
        var column = 0
        while column + 8 <= width {
            let d0 = line[column] - mean, d1 = line[column + 1] - mean
            let d2 = line[column + 2] - mean, d3 = line[column + 3] - mean
            let d4 = line[column + 4] - mean, d5 = line[column + 5] - mean
            let d6 = line[column + 6] - mean, d7 = line[column + 7] - mean
            squares.0 += d0 * d0; squares.1 += d1 * d1; squares.2 += d2 * d2; squares.3 += d3 * d3
            squares.4 += d4 * d4; squares.5 += d5 * d5; squares.6 += d6 * d6; squares.7 += d7 * d7
            column += 8
        }
        var variance =
            ((squares.0 + squares.1) + (squares.2 + squares.3))
            + ((squares.4 + squares.5) + (squares.6 + squares.7))
        while column < width {
            let d = line[column] - mean
            variance += d * d
            column += 1
        }
        let inverse = 1 / (variance / Float(width) + epsilon).squareRoot()
        for column in 0..<width {
            line[column] = (line[column] - mean) * inverse * gamma[column] + beta[column]
        }
    }

    /// The sum of `count` values, with eight independent accumulators.
    static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var partial = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
        var index = 0
        while index + 8 <= count {
            partial.0 += values[index]; partial.1 += values[index + 1]
            partial.2 += values[index + 2]; partial.3 += values[index + 3]
            partial.4 += values[index + 4]; partial.5 += values[index + 5]
            partial.6 += values[index + 6]; partial.7 += values[index + 7]
            index += 8
        }
        var total =
            ((partial.0 + partial.1) + (partial.2 + partial.3))
            + ((partial.4 + partial.5) + (partial.6 + partial.7))
        while index < count {
            total += values[index]
            index += 1
        }
        return total
    }

    /// Replaces each of `rows` rows of `columns` values by its softmax.
    static func softmaxRows(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        for row in 0..<rows {
            let line = values + row * columns
            var maximum = line[0]
            for column in 1..<columns {
                maximum = Swift.max(maximum, line[column])
            }
            for column in 0..<columns {
                line[column] = exp(line[column] - maximum)
            }
            let scale = 1 / sum(line, count: columns)
            for column in 0..<columns {
                line[column] *= scale
            }
        }
    }
}
