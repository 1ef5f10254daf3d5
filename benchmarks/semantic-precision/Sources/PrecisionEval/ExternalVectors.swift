import Foundation

/// Vectors of another embedding model, computed outside this program (other-model/run.sh):
/// `PRECISION_EMBEDDED_TEXTS=<file>` writes, for every prompt of the sets, the text nova-rag embeds for it (a JSON
/// object prompt → text) and the program stops; `PRECISION_VECTORS=<file>` then reads one unit-length vector per prompt
/// (a JSON object prompt → array of numbers) in place of the built-in model's.
enum ExternalVectors {
    /// Writes the embedded text of each prompt to the file `PRECISION_EMBEDDED_TEXTS` names; false when it names none.
    static func writeEmbeddedTexts(of prompts: [String], environment: [String: String]) throws -> Bool {
        guard let path = environment["PRECISION_EMBEDDED_TEXTS"], !path.isEmpty else { return false }
        let texts = Dictionary(uniqueKeysWithValues: prompts.map { ($0, LabelledPair.embeddedText($0)) })
        try JSONSerialization.data(withJSONObject: texts, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return true
    }

    /// The vectors in the file `PRECISION_VECTORS` names, one for each prompt; nil when it names none.
    static func read(for prompts: [String], environment: [String: String]) throws -> [String: [Float]]? {
        guard let path = environment["PRECISION_VECTORS"], !path.isEmpty else { return nil }
        let vectors = try JSONDecoder().decode([String: [Float]].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let missing = prompts.filter { vectors[$0] == nil }
        guard missing.isEmpty else {
            throw CocoaError(
                .fileReadCorruptFile,
                userInfo: [
                    NSLocalizedDescriptionKey: "\(path) has no vector for \(missing.count) prompts, first: \(missing[0])"
                ])
        }
        return vectors
    }
}
