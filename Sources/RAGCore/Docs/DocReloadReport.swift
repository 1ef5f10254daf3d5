/// What one (re)load of the knowledge base did. Every chunk of the new index was either embedded now or
/// reused from the store: `chunksEmbedded + chunksUnchanged == documentsLoaded`.
package struct DocReloadReport: Sendable, Equatable {
    /// Files not in the store before.
    package var filesAdded = 0
    /// Files whose text, chunking rules, embedding model or metadata changed.
    package var filesChanged = 0
    /// Files in the store but no longer on disk.
    package var filesRemoved = 0
    /// Files left as they were.
    package var filesUnchanged = 0
    /// Chunks whose vector was computed by this load.
    package var chunksEmbedded = 0
    /// Stored chunks deleted and not replaced by a chunk with the same text in the same file.
    package var chunksRemoved = 0
    /// Chunks whose stored vector was reused.
    package var chunksUnchanged = 0
    /// Chunks in the index after the load.
    package var documentsLoaded = 0
    /// Configured folders that do not exist.
    package var missingRoots: [String] = []
    /// Files skipped because an earlier folder has the same relative path.
    package var shadowedFiles: [String] = []
    /// Wall time of the load.
    package var duration: Duration = .zero

    /// An empty report.
    package init() {}
}
