import Foundation

/// One line of pairs.jsonl: two node prompts, whether they ask for the same code, and the kind of pair.
struct LabelledPair: Decodable {
    let a: String
    let b: String
    let same: Bool
    let kind: String

    /// The text nova-rag embeds for a prompt with an empty input schema.
    static func searchText(_ prompt: String) -> String {
        "Prompt: \(prompt)\n\nInput Schema:\n{}"
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
