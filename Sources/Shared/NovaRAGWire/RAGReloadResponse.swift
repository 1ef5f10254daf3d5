/// `POST /rag/reload` answer (docs/api.md §2.6): the contract's `message` and `documents_loaded`, plus what the
/// reload changed. Also the `last_reload` member of `/rag/stats`.
package struct RAGReloadResponse: Codable, Sendable, Equatable {
    /// Files by what happened to them.
    package struct Files: Codable, Sendable, Equatable {
        /// New on disk.
        package var added: Int
        /// Text, chunking rules, embedding model or metadata changed.
        package var changed: Int
        /// Gone from disk.
        package var removed: Int
        /// Left as they were.
        package var unchanged: Int

        /// Creates the counts.
        package init(added: Int, changed: Int, removed: Int, unchanged: Int) {
            self.added = added
            self.changed = changed
            self.removed = removed
            self.unchanged = unchanged
        }
    }

    /// Chunks by what happened to them; `embedded + unchanged == documents_loaded`.
    package struct Chunks: Codable, Sendable, Equatable {
        /// Embedded by this reload.
        package var embedded: Int
        /// Deleted and not replaced by the same text in the same file.
        package var removed: Int
        /// Stored vector reused.
        package var unchanged: Int

        /// Creates the counts.
        package init(embedded: Int, removed: Int, unchanged: Int) {
            self.embedded = embedded
            self.removed = removed
            self.unchanged = unchanged
        }
    }

    /// `Documentation reloaded`.
    package var message: String
    /// Chunks in the index after the reload (the original always answered 0 here: it did not wait).
    package var documentsLoaded: Int
    /// Extension: file counts.
    package var files: Files
    /// Extension: chunk counts.
    package var chunks: Chunks
    /// Extension: wall time of the reload in milliseconds.
    package var durationMs: Double
    /// Extension: configured knowledge folders that do not exist.
    package var missingDirectories: [String]
    /// Extension: files skipped because an earlier knowledge folder has the same relative path.
    package var shadowedFiles: [String]

    /// Creates the answer.
    package init(
        documentsLoaded: Int, files: Files, chunks: Chunks, durationMs: Double, missingDirectories: [String], shadowedFiles: [String],
        message: String = "Documentation reloaded"
    ) {
        self.message = message
        self.documentsLoaded = documentsLoaded
        self.files = files
        self.chunks = chunks
        self.durationMs = durationMs
        self.missingDirectories = missingDirectories
        self.shadowedFiles = shadowedFiles
    }

    enum CodingKeys: String, CodingKey {
        case message, files, chunks
        case documentsLoaded = "documents_loaded"
        case durationMs = "duration_ms"
        case missingDirectories = "missing_directories"
        case shadowedFiles = "shadowed_files"
    }
}
