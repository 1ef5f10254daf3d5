import Foundation
import NovaCore
import RAGCore

/// One line of questions.jsonl: a question a node author would ask and the section of the knowledge base that
/// answers it, named by file and heading path so that the label survives re-chunking.
struct LabelledQuestion: Decodable {
    let question: String
    let file: String
    let heading: [String]

    /// Whether `chunk` comes from the labelled section (any of the chunks the section was cut into).
    func isAnswered(by chunk: DocChunk) -> Bool {
        chunk.file == file && chunk.headingPath == heading
    }

    /// Reads a JSON-lines file, skipping blank lines.
    static func load(from url: URL) throws -> [LabelledQuestion] {
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .map { try decoder.decode(LabelledQuestion.self, from: Data($0.utf8)) }
    }
}
