extension CodeEntryStore {
    /// Re-embeds every entry with `embedder` and records its model and embedded text; returns how many entries there
    /// were (`nova-rag reindex`, and the one-time upgrade of a store made from an older embedded text).
    package func reindex(with embedder: any Embedder) async throws -> Int {
        let entries = try await loadAll().map(\.entry)
        var vectors: [String: [Float]] = [:]
        for start in stride(from: 0, to: entries.count, by: 32) {
            let batch = entries[start..<min(start + 32, entries.count)]
            let embedded = try await embedder.embed(batch.map(\.embeddedText))
            for (entry, vector) in zip(batch, embedded) { vectors[entry.id] = vector }
        }
        try await replaceVectors(vectors, model: EmbeddingModelInfo(of: embedder))
        return entries.count
    }
}
