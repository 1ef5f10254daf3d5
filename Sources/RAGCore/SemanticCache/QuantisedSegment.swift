/// The 8-bit codes (``QuantisedVector``) of one workflow's rows in one contiguous buffer, with each code row's scale
/// and the index row it stands for.
///
/// A search filtered by workflow reads one segment from start to end: visiting the same rows spread over a buffer
/// shared by every workflow measured ten times slower at 10,000 of 100,000 rows (each row a cold cache miss instead
/// of a prefetched stream).
struct QuantisedSegment {
    /// Length of every row of codes.
    let paddedLength: Int
    /// The codes, slot `s` at `s × paddedLength`.
    private(set) var codes: [Int8] = []
    /// What one code step of each slot is worth.
    private(set) var scales: [Float] = []
    /// The index row of each slot.
    private(set) var rows: [Int] = []

    /// An empty segment of `paddedLength`-long code rows.
    init(paddedLength: Int) {
        self.paddedLength = paddedLength
    }

    /// Number of slots.
    var count: Int { rows.count }

    /// Adds `vector` as the last slot, standing for index row `row`; returns the slot.
    mutating func append(_ vector: QuantisedVector, row: Int) -> Int {
        codes.append(contentsOf: vector.codes)
        scales.append(vector.scale)
        rows.append(row)
        return rows.count - 1
    }

    /// Puts `vector` in slot `slot`.
    mutating func replace(slot: Int, with vector: QuantisedVector) {
        codes.replaceSubrange(slot * paddedLength..<(slot + 1) * paddedLength, with: vector.codes)
        scales[slot] = vector.scale
    }

    /// Removes slot `slot` by moving the last slot into it; returns the index row now in `slot`, if one moved.
    mutating func remove(slot: Int) -> Int? {
        let last = rows.count - 1
        var moved: Int?
        if slot != last {
            codes.withUnsafeMutableBufferPointer { values in
                for offset in 0..<paddedLength { values[slot * paddedLength + offset] = values[last * paddedLength + offset] }
            }
            scales[slot] = scales[last]
            rows[slot] = rows[last]
            moved = rows[slot]
        }
        codes.removeLast(paddedLength)
        scales.removeLast()
        rows.removeLast()
        return moved
    }

    /// Records that the row of slot `slot` is now index row `row`.
    mutating func renumber(slot: Int, to row: Int) {
        rows[slot] = row
    }
}
