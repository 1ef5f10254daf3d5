import Foundation
import NovaCore
import RAGCore

/// One line of pairs.jsonl: two node prompts, whether they ask for the same code, and the kind of pair.
struct LabelledPair: Decodable {
    let a: String
    let b: String
    let same: Bool
    let kind: String

    /// The text nova-rag embeds for a prompt with an empty input schema.
    static func embeddedText(_ prompt: String) -> String {
        SearchText.embedded(SearchText.make(prompt: prompt, inputSchema: [:]))
    }

    /// Reads a JSON-lines file, skipping blank lines.
    static func load(from url: URL) throws -> [LabelledPair] {
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .map { try decoder.decode(LabelledPair.self, from: Data($0.utf8)) }
    }
}
