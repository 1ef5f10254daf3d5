import NovaCore
import NovaJSON
import RAGCore

/// The columns of the documentation tables, shared by the SQLite and PostgreSQL stores.
enum DocChunkRow {
    static let fileColumns = "file, content_hash, chunking, model, source, topic"
    static let chunkColumns = "id, file, chunk_index, heading_path, source, topic, text, content_hash, model, vector"

    /// A heading path as stored: a JSON array of strings.
    static func encode(headingPath: [String]) -> String {
        JSONValue.array(headingPath.map(JSONValue.string)).jsonText
    }

    /// The heading path of a stored JSON array.
    static func decode(headingPath: String) -> [String] {
        JSONValue(jsonText: headingPath)?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Every file named by `update`, whose record and chunks it replaces.
    static func replacedFiles(_ update: DocStoreUpdate) -> [String] {
        Array(Set(update.replacing).union(update.files.map(\.file))).sorted()
    }
}
