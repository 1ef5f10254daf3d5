/// A vector quantised to 8-bit integers with one scale per vector: `value ≈ scale × code`, every code in -127...127.
///
/// Quantisation keeps what the error bound of a quantised score needs: the norm of what the codes represent and the
/// norm of what they miss (``QuantisedScoreBound``).
struct QuantisedVector {
    /// The codes, padded with zeros to a multiple of ``QuantisedVector/lanes``.
    let codes: [Int8]
    /// What one code step is worth (zero for a zero vector).
    let scale: Float
    /// The norm of `scale × codes`.
    let representedNorm: Float
    /// The norm of `vector − scale × codes`.
    let errorNorm: Float

    /// Codes are scanned this many at a time; a padded length is a multiple of it.
    static let lanes = QuantisedDot.step

    /// `dimension` rounded up to a multiple of ``lanes``.
    static func paddedLength(_ dimension: Int) -> Int {
        (dimension + lanes - 1) / lanes * lanes
    }

    /// Quantises `vector`: the largest magnitude becomes ±127, every value the nearest code.
    init(_ vector: UnsafeBufferPointer<Float>) {
        let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 127 : 0
        var codes = [Int8](repeating: 0, count: Self.paddedLength(vector.count))
        var represented: Float = 0
        var error: Float = 0
        if scale > 0 {
            for (index, value) in vector.enumerated() {
                let code = max(-127, min(127, (value / scale).rounded()))
                codes[index] = Int8(code)
                represented += (code * scale) * (code * scale)
                error += (value - code * scale) * (value - code * scale)
            }
        }
        self.codes = codes
        self.scale = scale
        representedNorm = represented.squareRoot()
        errorNorm = error.squareRoot()
    }
}
