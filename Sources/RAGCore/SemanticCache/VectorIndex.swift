/// An exact (brute-force) cosine index over unit vectors held in one contiguous Float32 buffer.
///
/// Rows carry an entry id and an optional workflow id; a workflow or id filter is applied before scoring, so a
/// filtered search still returns up to `limit` results (pgvector #259). Removal moves the last row into the hole.
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
    private var storage: [Float] = []
    private var ids: [String] = []
    private var workflows: [Int?] = []
    private var rowOfID: [String: Int] = [:]

    /// An empty index of `dimension`-long vectors.
    package init(dimension: Int) {
        self.dimension = dimension
    }

    /// Number of rows.
    package var count: Int { ids.count }

    /// Makes room for `rows` rows at once, so that loading a store does not grow (and copy) the buffer step by step.
    package mutating func reserveCapacity(_ rows: Int) {
        storage.reserveCapacity(rows * dimension)
        ids.reserveCapacity(rows)
        workflows.reserveCapacity(rows)
        rowOfID.reserveCapacity(rows)
    }

    /// Adds or replaces the row of `id`; `vector` must be unit length and `dimension` long.
    package mutating func upsert(id: String, workflowID: Int?, vector: [Float]) {
        precondition(vector.count == dimension, "vector of \(vector.count) dimensions in an index of \(dimension)")
        if let row = rowOfID[id] {
            storage.replaceSubrange(row * dimension..<(row + 1) * dimension, with: vector)
            workflows[row] = workflowID
            return
        }
        rowOfID[id] = ids.count
        ids.append(id)
        workflows.append(workflowID)
        storage.append(contentsOf: vector)
    }

    /// Removes the row of `id`; returns whether it existed.
    @discardableResult
    package mutating func remove(id: String) -> Bool {
        guard let row = rowOfID.removeValue(forKey: id) else { return false }
        let last = ids.count - 1
        if row != last {
            let moved = ids[last]
            storage.replaceSubrange(row * dimension..<(row + 1) * dimension, with: storage[last * dimension..<(last + 1) * dimension])
            ids[row] = moved
            workflows[row] = workflows[last]
            rowOfID[moved] = row
        }
        storage.removeLast(dimension)
        ids.removeLast()
        workflows.removeLast()
        return true
    }

    /// The `limit` rows most similar to `query` that pass `filter`, best first (ties by insertion order).
    package func search(_ query: [Float], limit: Int, filter: Filter) -> [Hit] {
        guard limit > 0, query.count == dimension else { return [] }
        var best = TopK(capacity: limit)
        query.withUnsafeBufferPointer { queryBuffer in
            storage.withUnsafeBufferPointer { rows in
                for row in 0..<ids.count {
                    switch filter {
                    case .all: break
                    case .workflow(let wanted): if workflows[row] != wanted { continue }
                    case .ids(let wanted): if !wanted.contains(ids[row]) { continue }
                    }
                    let vector = UnsafeBufferPointer(rebasing: rows[row * dimension..<(row + 1) * dimension])
                    best.offer(row: row, score: VectorMath.dot(queryBuffer, vector))
                }
            }
        }
        return best.sorted().map { Hit(id: ids[$0.row], cosine: $0.score) }
    }
}
