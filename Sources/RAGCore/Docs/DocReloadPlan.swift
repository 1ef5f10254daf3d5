/// The difference between the stored documentation and a fresh read of the knowledge folders, and the store
/// update and index entries that follow from it once the missing vectors are known.
struct DocReloadPlan {
    private(set) var report = DocReloadReport()
    /// Chunks of unchanged files, kept with their stored vectors.
    private let kept: [StoredDocChunk]
    /// Chunks of added and changed files.
    private let fresh: [DocChunk]
    /// Records of added and changed files.
    private let records: [DocFileRecord]
    /// Files whose stored record and chunks are deleted (changed and removed).
    private let replacing: [String]
    /// Stored vectors of the current model, by content hash.
    private let reusable: [String: [Float]]
    private let model: String

    init(stored: DocStoreContents, documents: [KnowledgeDocument], chunker: MarkdownChunker, model: String, dimension: Int) {
        self.model = model
        let storedRecords = Dictionary(stored.files.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let storedChunks = Dictionary(grouping: stored.chunks, by: \.chunk.file)
        var kept: [StoredDocChunk] = []
        var fresh: [DocChunk] = []
        var records: [DocFileRecord] = []
        var replacing: [String] = []
        for document in documents {
            let record = DocFileRecord(
                file: document.file, contentHash: document.contentHash, chunking: chunker.version, model: model, source: document.source,
                topic: document.topic)
            let previous = storedChunks[document.file] ?? []
            if storedRecords[document.file] == record && previous.allSatisfy({ $0.vector.count == dimension }) {
                report.filesUnchanged += 1
                kept += previous
                continue
            }
            let chunks = chunker.chunks(of: document)
            if storedRecords[document.file] == nil {
                report.filesAdded += 1
            } else {
                report.filesChanged += 1
                replacing.append(document.file)
                report.chunksRemoved += Self.lost(previous, keeping: chunks)
            }
            fresh += chunks
            records.append(record)
        }
        let present = Set(documents.map(\.file))
        for record in stored.files where !present.contains(record.file) {
            report.filesRemoved += 1
            replacing.append(record.file)
            report.chunksRemoved += storedChunks[record.file]?.count ?? 0
        }
        var reusable: [String: [Float]] = [:]
        for stored in stored.chunks where stored.model == model && stored.vector.count == dimension {
            reusable[stored.chunk.contentHash] = stored.vector
        }
        self.kept = kept
        self.fresh = fresh
        self.records = records
        self.replacing = replacing
        self.reusable = reusable
    }

    /// Texts that have no stored vector, one per content hash, in file order.
    var textsToEmbed: [(hash: String, text: String)] {
        var seen = Set<String>()
        return fresh.compactMap { chunk in
            guard reusable[chunk.contentHash] == nil, seen.insert(chunk.contentHash).inserted else { return nil }
            return (chunk.contentHash, chunk.text)
        }
    }

    /// The store update and the new index entries, given a vector for every hash of ``textsToEmbed``.
    mutating func complete(with embedded: [String: [Float]]) -> (update: DocStoreUpdate, entries: [StoredDocChunk]) {
        var added: [StoredDocChunk] = []
        for chunk in fresh {
            if let vector = reusable[chunk.contentHash] {
                report.chunksUnchanged += 1
                added.append(StoredDocChunk(chunk: chunk, model: model, vector: vector))
            } else if let vector = embedded[chunk.contentHash] {
                report.chunksEmbedded += 1
                added.append(StoredDocChunk(chunk: chunk, model: model, vector: vector))
            }
        }
        report.chunksUnchanged += kept.count
        let entries = (kept + added).sorted { ($0.chunk.file, $0.chunk.index) < ($1.chunk.file, $1.chunk.index) }
        report.documentsLoaded = entries.count
        return (DocStoreUpdate(replacing: replacing, files: records, chunks: added), entries)
    }

    /// How many of `previous` have no chunk with the same text among `current`.
    private static func lost(_ previous: [StoredDocChunk], keeping current: [DocChunk]) -> Int {
        var remaining = current.reduce(into: [String: Int]()) { $0[$1.contentHash, default: 0] += 1 }
        return previous.reduce(0) { lost, stored in
            guard let left = remaining[stored.chunk.contentHash], left > 0 else { return lost + 1 }
            remaining[stored.chunk.contentHash] = left - 1
            return lost
        }
    }
}
