import Foundation
import MiniLM

/// Where the tests find the model and the reference fixtures, and the model loaded once for all.
enum TestEnvironment {
    /// The repository root: this file is `<repo>/Tests/MiniLMTests/TestEnvironment.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<repo>/Tests/Fixtures/minilm/reference.jsonl`, made by sentence-transformers (its README says how).
    static let referenceFile = repositoryRoot.appendingPathComponent("Tests/Fixtures/minilm/reference.jsonl")

    /// `${NOVA_MODEL_DIR:-<repo>/models}/all-MiniLM-L6-v2`.
    static let modelDirectory: URL = {
        let base =
            ProcessInfo.processInfo.environment["NOVA_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            .map { URL(fileURLWithPath: $0) } ?? repositoryRoot.appendingPathComponent("models")
        return base.appendingPathComponent(MiniLMModel.directoryName)
    }()

    /// The model, loaded once; a missing model is an error telling to run scripts/fetch-model.sh.
    private static let loaded = Result { try MiniLMModel(directory: modelDirectory) }

    /// The shared model, or the load error (which fails the calling test).
    static func model() throws -> MiniLMModel {
        try loaded.get()
    }

    /// One line of the reference file.
    struct Reference: Sendable {
        /// The input text.
        let text: String
        /// The reference tokenizer's ids, `[CLS] … [SEP]`.
        let inputIDs: [Int32]
        /// The reference embedding (384 values, unit length).
        let embedding: [Float]
    }

    /// All lines of the reference file.
    static func references() throws -> [Reference] {
        let content = try String(contentsOf: referenceFile, encoding: .utf8)
        return try content.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String,
                let ids = object["input_ids"] as? [Int],
                let embedding = object["embedding"] as? [Double]
            else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: referenceFile.path])
            }
            return Reference(text: text, inputIDs: ids.map(Int32.init), embedding: embedding.map(Float.init))
        }
    }

    /// Cosine similarity of two vectors of the same length.
    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            normA += Double(x) * Double(x)
            normB += Double(y) * Double(y)
        }
        return dot / max((normA * normB).squareRoot(), 1e-30)
    }
}
