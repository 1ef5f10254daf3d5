import Foundation
import MiniLM

/// The built-in model's vectors of the stream's prompts, kept in a file between runs (embedding them all takes
/// minutes); a prompt missing from the file is embedded and the file rewritten.
enum VectorCache {
    static func vectors(of prompts: [String], model modelURL: URL, file: URL) throws -> [String: [Float]] {
        var known: [String: [Float]] = [:]
        if let data = try? Data(contentsOf: file) { known = (try? JSONDecoder().decode([String: [Float]].self, from: data)) ?? [:] }
        let missing = prompts.filter { known[$0] == nil }
        guard !missing.isEmpty else { return known }
        let model = try MiniLMModel(directory: modelURL)
        let started = Date()
        for (prompt, vector) in zip(missing, model.embed(missing.map(StreamPair.embeddedText))) { known[prompt] = vector }
        FileHandle.standardError.write(Data(String(format: "embedded %d prompts in %.1f s\n", missing.count, Date().timeIntervalSince(started)).utf8))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONEncoder().encode(known).write(to: file)
        return known
    }
}
