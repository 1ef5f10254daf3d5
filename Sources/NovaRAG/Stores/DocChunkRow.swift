import NovaCore
import NovaJSON
import NovaStorage
import RAGCore

/// The columns of the documentation tables and how their rows become records and chunks.
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

    /// The record of a `doc_files` row with ``fileColumns``.
    static func file(_ row: SQLRow) throws -> DocFileRecord {
        DocFileRecord(
            file: try row.text("file"), contentHash: try row.text("content_hash"), chunking: try row.text("chunking"), model: try row.text("model"),
            source: try row.text("source"), topic: try row.text("topic"))
    }

    /// The chunk and vector of a `doc_chunks` row with ``chunkColumns``.
    static func chunk(_ row: SQLRow) throws -> StoredDocChunk {
        let chunk = DocChunk(
            id: try row.text("id"), file: try row.text("file"), headingPath: decode(headingPath: try row.text("heading_path")),
            source: try row.text("source"), topic: try row.text("topic"), index: try row.int("chunk_index"), text: try row.text("text"),
            contentHash: try row.text("content_hash"))
        return StoredDocChunk(chunk: chunk, model: try row.text("model"), vector: VectorBytes.decode(try row.blob("vector")))
    }
}
