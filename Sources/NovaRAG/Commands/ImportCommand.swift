import ArgumentParser
import Foundation
import Logging
import NovaCore
import NovaJSON
import NovaStorage
import RAGCore
import ServiceKit

/// `nova-rag import FILE`: adds code entries from a JSON file (an array of `/code/save` bodies, or one body per
/// line) to the semantic cache, validated exactly like `/code/save`, in transactions of 256. Run it with the
/// service stopped (a running service does not see entries added behind its back until it restarts).
/// `--workflow-id` files every entry under one workflow (searches only see entries of their own workflow), e.g. a
/// seed pack written before the workflow existed.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import /code/save bodies from a JSON array or JSON-lines file into the semantic cache.")

    @Argument(help: "The file to import.") var file: String
    @Option(help: "Store every entry under this workflow id, replacing the bodies' own workflow_id.") var workflowId: Int?

    func run() async throws {
        try await runReportingStartupErrors(label: "nova-rag") {
            let (config, logger) = try RAGConfig.startup()
            let inputs = try Self.read(file).map { input in
                var filed = input
                filed.workflowID = workflowId ?? input.workflowID
                return filed
            }
            let embedder = try config.embedding.makeEmbedder()
            let database = try await SQLDatabase.open(config.database, logger: logger)
            try await withStore(database, logger: logger) { store in
                let cache = try await SemanticCodeCache.open(store: store, embedder: embedder, wallClock: SystemWallClock())
                var ids = Set<String>()
                for start in stride(from: 0, to: inputs.count, by: 256) {
                    ids.formUnion(try await cache.saveAll(Array(inputs[start..<min(start + 256, inputs.count)])))
                }
                logger.info("imported", metadata: ["bodies": .stringConvertible(inputs.count), "entries": .stringConvertible(ids.count)])
            }
        }
    }

    /// Parses and validates every body; an invalid one is an error naming its position and field.
    static func read(_ path: String) throws -> [CodeSaveInput] {
        guard let data = FileManager.default.contents(atPath: path) else { throw StartupError("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self)
        let bodies: [JSONValue]
        if let array = JSONValue(jsonText: text)?.arrayValue {
            bodies = array
        } else {
            bodies = try text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.enumerated().map { line, body in
                guard let value = JSONValue(jsonText: String(body)) else { throw StartupError("\(path): line \(line + 1) is not JSON") }
                return value
            }
        }
        return try bodies.enumerated().map { index, body in
            do {
                return try CodeSaveRequestReader.read(body)
            } catch let error as RequestValidationError {
                let fields = error.issues.map { $0.loc.compactMap(\.stringValue).joined(separator: ".") }.joined(separator: ", ")
                throw StartupError("\(path): entry \(index + 1) is invalid (\(fields))")
            }
        }
    }
}
