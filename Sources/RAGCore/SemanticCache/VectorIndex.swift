/// An exact cosine index over unit vectors. Each vector is held as Float32, every row in one contiguous buffer, and as
/// 8-bit codes (``QuantisedVector``) in its workflow's ``QuantisedSegment``; a search reads the codes (a quarter of
/// the bytes) and scores in Float32 only the rows that can be among the best (``QuantisedSearch``), so its results
/// are those of a Float32 scan.
///
/// Rows carry an entry id and an optional workflow id. A workflow filter reads that workflow's segment only, so a
/// filtered search costs what the workflow's rows cost whatever the index's size, and returns up to `limit` results
/// (pgvector #259); an id filter scores the rows of those ids in Float32. Removal moves the last row into the hole,
/// in the Float32 buffer and in the segment alike.
package struct VectorIndex: Sendable {
    /// One scored row.
    package struct Hit: Sendable, Equatable {
        /// The entry id.
        package let id: String
        /// Cosine similarity with the query.
        package let cosine: Float
    }

    /// Which rows a search considers.
    package enum Filter: Sendable, Equatable {
        /// Every row.
        case all
        /// Rows saved with exactly this workflow id.
        case workflow(Int)
        /// Rows whose id is in the set.
        case ids(Set<String>)
    }

    /// Length of every vector.
    package let dimension: Int
    private var floats: [Float] = []
    private var ids: [String] = []
    private var workflows: [Int?] = []
    private var slots: [Int] = []
    private var rowOfID: [String: Int] = [:]
    private var segments: [Int?: QuantisedSegment] = [:]
    private var bound = QuantisedScoreBound()

    /// An empty index of `dimension`-long vectors.
    package init(dimension: Int) {
        self.dimension = dimension
    }

    /// Number of rows.
    package var count: Int { ids.count }

    /// Makes room for `rows` rows at once, so that loading a store does not grow (and copy) the buffers step by step.
    package mutating func reserveCapacity(_ rows: Int) {
        floats.reserveCapacity(rows * dimension)
        ids.reserveCapacity(rows)
        workflows.reserveCapacity(rows)
        slots.reserveCapacity(rows)
        rowOfID.reserveCapacity(rows)
    }

    /// Adds or replaces the row of `id`; `vector` must be unit length and `dimension` long.
    package mutating func upsert(id: String, workflowID: Int?, vector: [Float]) {
        precondition(vector.count == dimension, "vector of \(vector.count) dimensions in an index of \(dimension)")
        let quantised = vector.withUnsafeBufferPointer { QuantisedVector($0) }
        bound.include(quantised)
        if let row = rowOfID[id] {
            floats.replaceSubrange(row * dimension..<(row + 1) * dimension, with: vector)
            if workflows[row] == workflowID {
                segments[workflowID]?.replace(slot: slots[row], with: quantised)
            } else {
                detach(row: row)
                workflows[row] = workflowID
                slots[row] = attach(quantised, row: row, workflow: workflowID)
            }
            return
        }
        let row = ids.count
        rowOfID[id] = row
        ids.append(id)
        workflows.append(workflowID)
        floats.append(contentsOf: vector)
        slots.append(attach(quantised, row: row, workflow: workflowID))
    }

    /// Removes the row of `id`; returns whether it existed.
    @discardableResult
    package mutating func remove(id: String) -> Bool {
        guard let row = rowOfID.removeValue(forKey: id) else { return false }
        detach(row: row)
        let last = ids.count - 1
        if row != last {
            floats.withUnsafeMutableBufferPointer { values in
                for offset in 0..<dimension { values[row * dimension + offset] = values[last * dimension + offset] }
            }
            ids[row] = ids[last]
            workflows[row] = workflows[last]
            slots[row] = slots[last]
            segments[workflows[row]]?.renumber(slot: slots[row], to: row)
            rowOfID[ids[row]] = row
        }
        floats.removeLast(dimension)
        ids.removeLast()
        workflows.removeLast()
        slots.removeLast()
        return true
    }

    /// The `limit` rows most similar to `query` that pass `filter`, best first (equal scores: the lower row first).
    package func search(_ query: [Float], limit: Int, filter: Filter) -> [Hit] {
        guard limit > 0, query.count == dimension else { return [] }
        let search = QuantisedSearch(floats: floats, dimension: dimension, query: query, limit: limit)
        let best: [TopK.Candidate]
        switch filter {
        case .all: best = search.run(segments: Array(segments.values), bound: bound)
        case .workflow(let wanted): best = search.run(segments: segments[wanted].map { [$0] } ?? [], bound: bound)
        case .ids(let wanted): best = search.exact(rows: wanted.compactMap { rowOfID[$0] })
        }
        return best.map { Hit(id: ids[$0.row], cosine: $0.score) }
    }

    /// ``search(_:limit:filter:)`` done by scoring every row that passes `filter` in Float32: the reference the
    /// quantised search equals.
    package func exactSearch(_ query: [Float], limit: Int, filter: Filter) -> [Hit] {
        guard limit > 0, query.count == dimension else { return [] }
        let search = QuantisedSearch(floats: floats, dimension: dimension, query: query, limit: limit)
        let best: [TopK.Candidate]
        switch filter {
        case .all: best = search.exact(rows: 0..<count)
        case .workflow(let wanted): best = search.exact(rows: segments[wanted]?.rows ?? [])
        case .ids(let wanted): best = search.exact(rows: wanted.compactMap { rowOfID[$0] })
        }
        return best.map { Hit(id: ids[$0.row], cosine: $0.score) }
    }

    /// Rows held in workflow segments, which must equal ``count``: every row is in exactly one segment.
    package var segmentedRowCount: Int {
        segments.values.reduce(0) { $0 + $1.count }
    }

    /// Puts `quantised` at the end of `workflow`'s segment as row `row`; returns its slot.
    private mutating func attach(_ quantised: QuantisedVector, row: Int, workflow: Int?) -> Int {
        segments[workflow, default: QuantisedSegment(paddedLength: quantised.codes.count)].append(quantised, row: row)
    }

    /// Takes row `row` out of its workflow's segment (dropping an emptied segment).
    private mutating func detach(row: Int) {
        let workflow = workflows[row]
        if let moved = segments[workflow]?.remove(slot: slots[row]) { slots[moved] = slots[row] }
        if segments[workflow]?.count == 0 { segments[workflow] = nil }
    }
}
