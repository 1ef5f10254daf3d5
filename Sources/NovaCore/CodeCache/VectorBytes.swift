/// Stores vectors as little-endian Float32 bytes, the on-disk form in both SQLite and PostgreSQL.
package enum VectorBytes {
    /// The bytes of `vector`.
    package static func encode(_ vector: [Float]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// The vector of `bytes` (a trailing partial value is ignored).
    package static func decode(_ bytes: some Collection<UInt8>) -> [Float] {
        var vector: [Float] = []
        vector.reserveCapacity(bytes.count / 4)
        var iterator = bytes.makeIterator()
        while let b0 = iterator.next(), let b1 = iterator.next(), let b2 = iterator.next(), let b3 = iterator.next() {
            let bits = UInt32(b0) | UInt32(b1) << 8 | UInt32(b2) << 16 | UInt32(b3) << 24
            vector.append(Float(bitPattern: bits))
        }
        return vector
    }
}
