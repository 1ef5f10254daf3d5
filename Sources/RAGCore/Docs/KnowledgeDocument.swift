import NovaCore

/// One Markdown file of the knowledge base, read and classified.
package struct KnowledgeDocument: Sendable, Equatable {
    /// Path relative to its knowledge folder, with `/` separators.
    package let file: String
    /// The `source` metadata of its chunks.
    package let source: String
    /// The `topic` metadata of its chunks.
    package let topic: String
    /// The file's text.
    package let text: String
    /// SHA-256 (hex) of `text`.
    package let contentHash: String

    /// Creates a document; `source` and `topic` default to what ``KnowledgeLayout`` derives from `file`.
    package init(file: String, text: String, source: String? = nil, topic: String? = nil) {
        let derived = KnowledgeLayout.metadata(forFile: file)
        self.file = file
        self.source = source ?? derived.source
        self.topic = topic ?? derived.topic
        self.text = text
        self.contentHash = SHA256Hex.of(text)
    }
}
