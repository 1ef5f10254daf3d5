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
        let count = bytes.count / 4
        let decoded: [Float]? = bytes.withContiguousStorageIfAvailable { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    let bits =
                        UInt32(raw[4 * index]) | UInt32(raw[4 * index + 1]) << 8 | UInt32(raw[4 * index + 2]) << 16
                        | UInt32(raw[4 * index + 3]) << 24
                    buffer[index] = Float(bitPattern: bits)
                }
                initialized = count
            }
        }
        return decoded ?? decode(Array(bytes))
    }
}
