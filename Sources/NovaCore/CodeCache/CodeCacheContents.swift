/// What the semantic cache holds in memory: every entry by id and the vector index over them.
struct CodeCacheContents: Sendable {
    var entries: [String: CodeEntry] = [:]
    var index: VectorIndex

    /// Contents holding `loaded`, in order.
    init(dimension: Int, loaded: [StoredCodeEntry]) {
        index = VectorIndex(dimension: dimension)
        index.reserveCapacity(loaded.count)
        entries.reserveCapacity(loaded.count)
        for stored in loaded {
            entries[stored.entry.id] = stored.entry
            index.upsert(id: stored.entry.id, workflowID: stored.entry.workflowID, vector: stored.vector)
        }
    }
}
