import Foundation

/// Takes the Python program out of a model's answer: the longest fenced ```python block, else the longest fenced
/// block, else the whole answer.
package enum GeneratedCodeExtractor {
    /// The code in `answer`.
    package static func code(from answer: String) -> String {
        var blocks: [(language: String, body: String)] = []
        var current: (language: String, lines: [Substring])?
        for line in answer.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let open = current {
                    blocks.append((open.language, open.lines.joined(separator: "\n")))
                    current = nil
                } else {
                    current = (String(trimmed.dropFirst(3)).lowercased(), [])
                }
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        let python = blocks.filter { $0.language.hasPrefix("python") || $0.language == "py" }
        let chosen = (python.isEmpty ? blocks : python).max { $0.body.count < $1.body.count }
        return (chosen?.body ?? answer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
