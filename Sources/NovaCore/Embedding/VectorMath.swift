/// Small vector helpers shared by embedders and the index.
package enum VectorMath {
    /// `vector` scaled to unit length (a zero vector stays zero).
    package static func normalised(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return vector.map { $0 / norm }
    }

    /// The dot product of two vectors of equal length, eight lanes at a time.
    @inlinable
    package static func dot(_ lhs: UnsafeBufferPointer<Float>, _ rhs: UnsafeBufferPointer<Float>) -> Float {
        let count = lhs.count
        var lanes = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            let left = SIMD8<Float>(lhs[index..<index + 8])
            let right = SIMD8<Float>(rhs[index..<index + 8])
            lanes += left * right
            index += 8
        }
        var sum = lanes.sum()
        while index < count {
            sum += lhs[index] * rhs[index]
            index += 1
        }
        return sum
    }
}
