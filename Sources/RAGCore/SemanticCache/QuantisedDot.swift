/// The integer dot product of a row of 8-bit codes with a query's codes widened to 16 bits, 16 codes at a time, in
/// shifts, 16-bit multiplies and adds that baseline x86-64 (SSE2) and arm64 have as single vector instructions.
///
/// Every product fits in 16 bits (|code| ≤ 127), so does the sum of two, and a row's sum in 32 (384 × 127² ≈ 6.2
/// million): the result is exact. Sixteen codes are read as eight 16-bit lanes whose low bytes are the even codes
/// and high bytes the odd ones; the query is laid out to match (``widenedQuery(_:)``) once per search.
enum QuantisedDot {
    /// Codes per step.
    static let step = 16

    /// `Σ codes[i] × query[i]` over `length` codes, a multiple of ``step``; `query` is ``widenedQuery(_:)``.
    @inline(__always)
    static func dot(_ codes: UnsafeRawPointer, _ query: UnsafeRawPointer, length: Int) -> Int32 {
        var low = SIMD4<Int32>()
        var high = SIMD4<Int32>()
        var offset = 0
        while offset < length {
            let packed = codes.loadUnaligned(fromByteOffset: offset, as: SIMD8<Int16>.self)
            let even = (packed &<< 8) &>> 8
            let odd = packed &>> 8
            let wantedEven = query.loadUnaligned(fromByteOffset: 2 * offset, as: SIMD8<Int16>.self)
            let wantedOdd = query.loadUnaligned(fromByteOffset: 2 * offset + 16, as: SIMD8<Int16>.self)
            let pairs = unsafeBitCast(even &* wantedEven &+ odd &* wantedOdd, to: SIMD4<Int32>.self)
            low &+= (pairs &<< 16) &>> 16
            high &+= pairs &>> 16
            offset += 16
        }
        return (low &+ high).wrappedSum()
    }

    /// The query's codes as 16-bit values, each group of 16 as its 8 even codes then its 8 odd codes.
    static func widenedQuery(_ codes: [Int8]) -> [Int16] {
        var widened = [Int16](repeating: 0, count: codes.count)
        for start in stride(from: 0, to: codes.count, by: step) {
            for pair in 0..<step / 2 {
                widened[start + pair] = Int16(codes[start + 2 * pair])
                widened[start + step / 2 + pair] = Int16(codes[start + 2 * pair + 1])
            }
        }
        return widened
    }
}
