/// An immutable in-memory index of the documentation chunks; a reload builds a new one and swaps it in.
///
/// Searches filter first and then score (so `top_k` results come back whenever that many chunks pass the
/// filters), then drop near-duplicates: a candidate with the same content hash as a better result, or with
/// cosine ≥ ``duplicateCosine`` to one, is skipped and the next candidate taken.
package struct DocIndex: Sendable {
    /// Two results this similar to each other are one result.
    package static let duplicateCosine: Float = 0.98

    /// Every chunk with its vector, by file and position.
    package let entries: [StoredDocChunk]
    private let vectors: VectorIndex
    private let rowOfID: [String: Int]

    /// Indexes `entries`, whose vectors are `dimension` long.
    package init(dimension: Int, entries: [StoredDocChunk]) {
        var vectors = VectorIndex(dimension: dimension)
        var rowOfID: [String: Int] = [:]
        for (row, entry) in entries.enumerated() {
            vectors.upsert(id: entry.chunk.id, workflowID: nil, vector: entry.vector)
            rowOfID[entry.chunk.id] = row
        }
        self.entries = entries
        self.vectors = vectors
        self.rowOfID = rowOfID
    }

    /// Number of chunks.
    package var count: Int { entries.count }

    /// Number of files with at least one chunk.
    package var fileCount: Int { Set(entries.map(\.chunk.file)).count }

    /// Chunks per `source`.
    package var countsBySource: [String: Int] {
        entries.reduce(into: [:]) { $0[$1.chunk.source, default: 0] += 1 }
    }

    /// Sorted distinct topics.
    package var topics: [String] { Set(entries.map(\.chunk.topic)).sorted() }

    /// Number of chunks `query`'s filters admit.
    package func admittedCount(_ query: DocQuery) -> Int {
        query.isFiltered ? entries.count { query.admits($0.chunk) } : entries.count
    }

    /// The best `query.topK` distinct chunks for the query vector `vector` that pass the filters of `query`.
    package func search(_ vector: [Float], for query: DocQuery) -> DocSearchResult {
        let filter: VectorIndex.Filter = query.isFiltered ? .ids(Set(entries.lazy.filter { query.admits($0.chunk) }.map(\.chunk.id))) : .all
        let available = admittedCount(query)
        var limit = min(available, query.topK * 3)
        while true {
            let (hits, skipped) = distinct(vectors.search(vector, limit: limit, filter: filter), topK: query.topK)
            if hits.count == query.topK || limit >= available { return DocSearchResult(hits: hits, duplicatesRemoved: skipped) }
            limit = min(available, limit * 2)
        }
    }

    private func distinct(_ candidates: [VectorIndex.Hit], topK: Int) -> ([DocHit], Int) {
        var kept: [StoredDocChunk] = []
        var hits: [DocHit] = []
        var skipped = 0
        for candidate in candidates {
            guard hits.count < topK else { break }
            guard let row = rowOfID[candidate.id] else { continue }
            let entry = entries[row]
            let repeats = kept.contains {
                $0.chunk.contentHash == entry.chunk.contentHash || Self.cosine($0.vector, entry.vector) >= Self.duplicateCosine
            }
            if repeats {
                skipped += 1
            } else {
                kept.append(entry)
                hits.append(DocHit(chunk: entry.chunk, cosine: candidate.cosine))
            }
        }
        return (hits, skipped)
    }

    private static func cosine(_ lhs: [Float], _ rhs: [Float]) -> Float {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { right in VectorMath.dot(left, right) } }
    }
}
