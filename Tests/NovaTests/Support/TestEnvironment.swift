import Foundation
import Logging
import ServiceKit

/// A fresh temporary directory per test, and the environment both services need to start in it.
struct TestEnvironment {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nova-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("knowledge"), withIntermediateDirectories: true)
    }

    /// Variables for nova, on loopback, plus `extra`.
    func nova(_ extra: [String: String] = [:]) -> EnvironmentReader {
        EnvironmentReader(["HOST": "127.0.0.1", "PORT": "0", "NOVA_DATA_DIR": directory.path].merging(extra) { $1 })
    }

    /// Variables for nova-rag, on loopback, with the deterministic `hash` embedder unless `extra` picks another. The
    /// knowledge folder is `<directory>/knowledge`, empty unless a test writes files there.
    func rag(_ extra: [String: String] = [:]) -> EnvironmentReader {
        let base = [
            "HOST": "127.0.0.1", "PORT": "0", "NOVA_RAG_DATA_DIR": directory.path, "KNOWLEDGE_DIR": knowledge.path, "EMBEDDING_PROVIDER": "hash",
        ]
        return EnvironmentReader(base.merging(extra) { $1 })
    }

    /// The knowledge folder nova-rag reads in this environment.
    var knowledge: URL { directory.appendingPathComponent("knowledge") }

    /// A logger that drops everything below warnings, so test output stays readable.
    static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }()
}

extension TestEnvironment {
    /// The repository's root folder.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `NOVA_MODEL_DIR` if set, else `<repo>/models`, where scripts/fetch-model.sh puts the built-in model.
    static var modelDirectory: String {
        ProcessInfo.processInfo.environment["NOVA_MODEL_DIR"] ?? repository.appendingPathComponent("models").path
    }
}
