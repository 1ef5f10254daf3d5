/// A code-entry store in memory, for tests and benchmarks: what the SQL store does (duplicates merged by
/// ``CodeEntry/dedupKey``, insertion order kept, each write all or nothing) without a database.
package final class MemoryCodeEntryStore: CodeEntryStore {
    private struct Contents {
        var model: EmbeddingModelInfo?
        var order: [String] = []
        var entries: [String: StoredCodeEntry] = [:]
        var idsByDedupKey: [String: String] = [:]
    }

    private let contents = ReadWriteLocked(Contents())

    /// An empty store.
    package init() {}

    package func recordedModel() -> EmbeddingModelInfo? {
        contents.read { $0.model }
    }

    package func recordModel(_ model: EmbeddingModelInfo) {
        contents.write { $0.model = model }
    }

    package func forEachEntry(_ visit: (StoredCodeEntry) throws -> Void) throws -> Int {
        let entries = contents.read { contents in contents.order.compactMap { contents.entries[$0] } }
        for entry in entries { try visit(entry) }
        return entries.count
    }

    package func count() -> Int {
        contents.read { $0.order.count }
    }

    package func load(id: String) -> StoredCodeEntry? {
        contents.read { $0.entries[id] }
    }

    package func insert(_ batch: [StoredCodeEntry], at time: String) throws -> [InsertOutcome] {
        try contents.write { contents in
            var updated = contents
            var outcomes: [InsertOutcome] = []
            for stored in batch {
                let entry = stored.entry
                if let id = updated.idsByDedupKey[entry.dedupKey], let existing = updated.entries[id] {
                    var merged = existing.entry
                    merged.successCount += entry.successCount
                    merged.lastUsedAt = time
                    updated.entries[id] = StoredCodeEntry(entry: merged, vector: existing.vector)
                    outcomes.append(.merged(id: id, successCount: merged.successCount, lastUsedAt: time))
                    continue
                }
                guard updated.entries[entry.id] == nil else { throw DuplicateCodeEntryID(id: entry.id) }
                var inserted = entry
                inserted.failureCount = 0
                inserted.lastUsedAt = nil
                updated.order.append(entry.id)
                updated.entries[entry.id] = StoredCodeEntry(entry: inserted, vector: stored.vector)
                updated.idsByDedupKey[entry.dedupKey] = entry.id
                outcomes.append(.inserted)
            }
            contents = updated
            return outcomes
        }
    }

    package func recordResult(id: String, success: Bool, at time: String) -> (successCount: Int, failureCount: Int)? {
        contents.write { contents in
            guard let stored = contents.entries[id] else { return nil }
            var entry = stored.entry
            if success { entry.successCount += 1 } else { entry.failureCount += 1 }
            entry.lastUsedAt = time
            contents.entries[id] = StoredCodeEntry(entry: entry, vector: stored.vector)
            return (successCount: entry.successCount, failureCount: entry.failureCount)
        }
    }

    package func delete(id: String) -> Bool {
        contents.write { contents in
            guard let stored = contents.entries.removeValue(forKey: id) else { return false }
            contents.order.removeAll { $0 == id }
            contents.idsByDedupKey[stored.entry.dedupKey] = nil
            return true
        }
    }

    package func deleteAll() -> Int {
        contents.write { contents in
            let count = contents.order.count
            contents = Contents(model: contents.model)
            return count
        }
    }

    package func replaceVectors(_ vectors: [String: [Float]], model: EmbeddingModelInfo) {
        contents.write { contents in
            for (id, vector) in vectors {
                guard let stored = contents.entries[id] else { continue }
                contents.entries[id] = StoredCodeEntry(entry: stored.entry, vector: vector)
            }
            contents.model = model
        }
    }
}

/// An insert whose entry has the id of another entry (the SQL stores' primary key refuses it too).
package struct DuplicateCodeEntryID: Error, Equatable {
    /// The id.
    package let id: String
}
