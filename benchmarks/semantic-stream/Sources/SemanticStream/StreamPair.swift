import Foundation
import NovaCore
import RAGCore

/// One labelled pair of benchmarks/semantic-precision as the stream uses it: `a` is in the cache (one entry per set
/// and prompt), `b` arrives; `same` says whether `a`'s code does what `b` asks. Each set is one workflow.
struct StreamPair: Decodable {
    let a: String
    let b: String
    let same: Bool
    /// The set it comes from (the workflow of its entry); not in the file.
    var workflow = 0

    enum CodingKeys: String, CodingKey { case a, b, same }

    /// The text nova-rag embeds for a prompt with an empty input schema.
    static func embeddedText(_ prompt: String) -> String {
        SearchText.embedded(SearchText.make(prompt: prompt, inputSchema: [:]))
    }

    /// Reads every JSON-lines file, numbering the sets in order.
    static func load(_ urls: [URL]) throws -> [StreamPair] {
        let decoder = JSONDecoder()
        return try urls.enumerated().flatMap { workflow, url in
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
                var pair = try decoder.decode(StreamPair.self, from: Data(line.utf8))
                pair.workflow = workflow
                return pair
            }
        }
    }
}
