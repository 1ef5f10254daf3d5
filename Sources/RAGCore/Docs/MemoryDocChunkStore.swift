/// A documentation store in memory, for tests and benchmarks.
package actor MemoryDocChunkStore: DocChunkStore {
    private var contents = DocStoreContents()

    /// An empty store.
    package init() {}

    package func loadAll() -> DocStoreContents {
        contents
    }

    package func apply(_ update: DocStoreUpdate) {
        let replaced = Set(update.replacing).union(update.files.map(\.file))
        contents.files.removeAll { replaced.contains($0.file) }
        contents.chunks.removeAll { replaced.contains($0.chunk.file) }
        contents.files += update.files
        contents.chunks += update.chunks
        contents.files.sort { $0.file < $1.file }
        contents.chunks.sort { ($0.chunk.file, $0.chunk.index) < ($1.chunk.file, $1.chunk.index) }
    }
}
