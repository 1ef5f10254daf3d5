/// What the semantic cache holds in memory: every entry by id and the vector index over them.
struct CodeCacheContents: Sendable {
    var entries: [String: CodeEntry] = [:]
    var index: VectorIndex

    init(dimension: Int) {
        index = VectorIndex(dimension: dimension)
    }
}
