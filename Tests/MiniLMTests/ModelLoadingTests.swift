import Foundation
import MiniLM
import Testing

@Suite("Loading the model")
struct ModelLoadingTests {
    @Test("a missing model directory gives an error that names it and says to run scripts/fetch-model.sh")
    func missingDirectory() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("minilm-missing-\(UUID().uuidString)")
        let error = #expect(throws: MiniLMError.self) { try MiniLMModel(directory: directory) }
        #expect(error == .modelDirectoryMissing(directory))
        let message = error?.description ?? ""
        #expect(message.contains(directory.path))
        #expect(message.contains("scripts/fetch-model.sh"))
    }

    @Test("a model directory without its weights gives an error that names the file")
    func missingWeights() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("minilm-partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{}".utf8).write(to: directory.appendingPathComponent("config.json"))
        try Data("[PAD]\n[UNK]\n[CLS]\n[SEP]\n".utf8).write(to: directory.appendingPathComponent("vocab.txt"))
        let error = #expect(throws: MiniLMError.self) { try MiniLMModel(directory: directory) }
        let weights = directory.appendingPathComponent("model.safetensors")
        #expect(error == .modelFileMissing(weights))
        #expect(error?.description.contains("scripts/fetch-model.sh") == true)
    }

    @Test("a corrupt weights file gives an invalid-file error instead of a crash")
    func corruptWeights() throws {
        let model = try TestEnvironment.model()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("minilm-corrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["config.json", "vocab.txt"] {
            try FileManager.default.copyItem(
                at: TestEnvironment.modelDirectory.appendingPathComponent(name),
                to: directory.appendingPathComponent(name))
        }
        try Data([16, 0, 0, 0, 0, 0, 0, 0] + Array("{\"a\": 1}        ".utf8))
            .write(to: directory.appendingPathComponent("model.safetensors"))
        let error = #expect(throws: MiniLMError.self) { try MiniLMModel(directory: directory) }
        guard case .invalidModelFile(let url, _) = error else {
            Issue.record("expected invalidModelFile, got \(String(describing: error))")
            return
        }
        #expect(url.lastPathComponent == "model.safetensors")
        #expect(model.dimension == 384)
    }
}
