import NovaCore

/// One piece of a knowledge file as it is embedded and searched: the text starts with its heading path.
package struct DocChunk: Sendable, Equatable {
    /// Stable id, `doc_` and 16 hex digits derived from file, position and content.
    package let id: String
    /// Path of the file relative to its knowledge folder, e.g. `integrations/imap.md`.
    package let file: String
    /// Titles of the enclosing headings, outermost first; empty before the first heading.
    package let headingPath: [String]
    /// The `source` metadata used by `/rag/query` filters.
    package let source: String
    /// The `topic` metadata used by `/rag/query` filters.
    package let topic: String
    /// Position of the chunk in its file, from 0.
    package let index: Int
    /// `"<title>\n\n<body>"` (see ``title(of:)``): the text that is embedded and returned.
    package let text: String
    /// SHA-256 (hex) of `text`; a chunk whose hash is already stored is not embedded again.
    package let contentHash: String

    /// Creates a chunk of `file`, deriving its id and content hash.
    package init(file: String, headingPath: [String], source: String, topic: String, index: Int, text: String) {
        let hash = SHA256Hex.of(text)
        self.init(
            id: "doc_" + SHA256Hex.of("\(file)\u{0}\(index)\u{0}\(hash)").prefix(16), file: file, headingPath: headingPath, source: source,
            topic: topic, index: index, text: text, contentHash: hash)
    }

    /// Recreates a stored chunk exactly.
    package init(id: String, file: String, headingPath: [String], source: String, topic: String, index: Int, text: String, contentHash: String) {
        self.id = id
        self.file = file
        self.headingPath = headingPath
        self.source = source
        self.topic = topic
        self.index = index
        self.text = text
        self.contentHash = contentHash
    }

    /// The first line of a chunk: its own heading first, then the enclosing ones, the outermost (the file's title)
    /// in parentheses — `C - B (A)` for the path `[A, B, C]`, `A` for `[A]`, `General` before the first heading.
    /// The specific heading leads because it says most about the chunk (it measurably ranks the right section
    /// higher than `A > B > C` does: benchmarks/rag-retrieval).
    package static func title(of headingPath: [String]) -> String {
        guard let outermost = headingPath.first else { return "General" }
        let inner = headingPath.dropFirst().reversed().joined(separator: " - ")
        return inner.isEmpty ? outermost : "\(inner) (\(outermost))"
    }
}
