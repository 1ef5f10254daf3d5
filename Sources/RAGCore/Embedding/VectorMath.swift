/// Small vector helpers shared by embedders and the index.
package enum VectorMath {
    /// `vector` scaled to unit length (a zero vector stays zero).
    package static func normalised(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return vector.map { $0 / norm }
    }

    /// The dot product of two vectors of equal length, 32 lanes at a time in two accumulators.
    @inlinable
    package static func dot(_ lhs: UnsafeBufferPointer<Float>, _ rhs: UnsafeBufferPointer<Float>) -> Float {
        let count = lhs.count
        guard count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return 0 }
        let leftBytes = UnsafeRawPointer(left)
        let rightBytes = UnsafeRawPointer(right)
        var first = SIMD16<Float>()
        var second = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            let offset = index * MemoryLayout<Float>.stride
            first +=
                leftBytes.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                * rightBytes.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            second +=
                leftBytes.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
                * rightBytes.loadUnaligned(fromByteOffset: offset + 64, as: SIMD16<Float>.self)
            index += 32
        }
        var sum = (first + second).sum()
        while index < count {
            sum += left[index] * right[index]
            index += 1
        }
        return sum
    }
}
