import AsyncHTTPClient
import Foundation
import NovaJSON
import Testing

/// A full or read-only disk under each service's data directory (a small tmpfs, so root only): writes answer 507 or 503
/// in the service's envelope with a message an operator can act on, `/health` says `degraded`, and both recover once
/// space or write access returns.
@Suite("Storage faults", .serialized, .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
struct StorageFaultTests {
    @Test("nova on a full disk: 507 with an actionable message, /health degraded, recovery once space returns")
    func novaFullDisk() async throws {
        let disk = try #require(SmallTmpfs(megabytes: 24))
        defer { disk.unmount() }
        let nova = try await ServiceProcess(
            "nova", environment: ["NOVA_DATA_DIR": disk.directory.path, "WORKER_CONCURRENCY": "0", "REDIS_URL": "", "DATABASE_URL": ""])
        defer { nova.stop() }
        #expect(try await HTTPClient.shared.postJSON(nova.baseURL + "/workflows", Self.workflow(0)).0 == 201)

        try disk.fill()
        let (status, text) = try await HTTPClient.shared.postJSON(nova.baseURL + "/workflows", Self.workflow(1))
        #expect(status == 507, "\(text)")
        let message = JSONValue(jsonText: text)?["error"]?.stringValue ?? ""
        #expect(message.contains("Free disk space"), "\(text)")
        #expect(!message.lowercased().contains("sqlite"))
        #expect(JSONValue(jsonText: text)?["status_code"] == .int(507))
        try await poll("/health degraded", seconds: 15) {
            let health = JSONValue(jsonText: try await HTTPClient.shared.getText(nova.baseURL + "/health").1)
            return health?["status"]?.stringValue == "degraded" && health?["storage"]?.stringValue?.hasPrefix("full") == true
        }

        try disk.free()
        #expect(try await HTTPClient.shared.postJSON(nova.baseURL + "/workflows", Self.workflow(2)).0 == 201)
        try await poll("/health healthy again", seconds: 15) {
            JSONValue(jsonText: try await HTTPClient.shared.getText(nova.baseURL + "/health").1)?["status"]?.stringValue == "healthy"
        }
        let (_, list) = try await HTTPClient.shared.getText(nova.baseURL + "/workflows")
        #expect(list.contains("w-0") && list.contains("w-2") && !list.contains("w-1"))
    }

    @Test("nova-rag on a full disk: a save is 507 {\"detail\"} naming what to do, never 200 with SQLite text; saves work again after")
    func ragFullDisk() async throws {
        let disk = try #require(SmallTmpfs(megabytes: 24))
        defer { disk.unmount() }
        let knowledge = try TestEnvironment().knowledge
        let rag = try await ServiceProcess(
            "nova-rag",
            environment: [
                "NOVA_RAG_DATA_DIR": disk.directory.path, "KNOWLEDGE_DIR": knowledge.path, "EMBEDDING_PROVIDER": "hash", "DATABASE_URL": "",
            ])
        defer { rag.stop() }

        try disk.fill()
        let (status, text) = try await HTTPClient.shared.postJSON(rag.baseURL + "/code/save", Self.save(1))
        #expect(status == 507, "\(text)")
        let detail = JSONValue(jsonText: text)?["detail"]?.stringValue ?? ""
        #expect(detail.contains("Free disk space"), "\(text)")
        #expect(!detail.lowercased().contains("sqlite"))
        let full = JSONValue(jsonText: try await HTTPClient.shared.getText(rag.baseURL + "/health").1)
        #expect(full?["status"]?.stringValue == "degraded" && full?["storage"]?.stringValue?.hasPrefix("full") == true, "\(String(describing: full))")

        try disk.free()
        #expect(try await HTTPClient.shared.postJSON(rag.baseURL + "/code/save", Self.save(2)).0 == 200)
        let (_, stats) = try await HTTPClient.shared.getText(rag.baseURL + "/code/stats")
        #expect(JSONValue(jsonText: stats)?["total_codes"] == .int(1))
        let healthy = JSONValue(jsonText: try await HTTPClient.shared.getText(rag.baseURL + "/health").1)
        #expect(healthy?["status"]?.stringValue == "healthy" && healthy?["storage"]?.stringValue == "ok")
    }

    @Test("nova on a disk the kernel turned read-only: 503 naming the data volume, no internal text, /health degraded")
    func novaFailedDisk() async throws {
        let disk = try #require(FailingDisk())
        defer { disk.unmount() }
        let nova = try await ServiceProcess(
            "nova", environment: ["NOVA_DATA_DIR": disk.directory.path, "WORKER_CONCURRENCY": "0", "REDIS_URL": "", "DATABASE_URL": ""])
        defer { nova.stop() }
        #expect(try await HTTPClient.shared.postJSON(nova.baseURL + "/workflows", Self.workflow(0)).0 == 201)

        try disk.fail()
        let (status, text) = try await HTTPClient.shared.postJSON(nova.baseURL + "/workflows", Self.workflow(1))
        #expect(status == 503, "\(text)")
        let message = JSONValue(jsonText: text)?["error"]?.stringValue ?? ""
        #expect(message.contains("data volume"), "\(text)")
        #expect(!message.lowercased().contains("sqlite"))
        try await poll("/health degraded", seconds: 15) {
            let health = JSONValue(jsonText: try await HTTPClient.shared.getText(nova.baseURL + "/health").1)
            return health?["status"]?.stringValue == "degraded" && health?["storage"]?.stringValue?.hasPrefix("unwritable") == true
        }
    }

    @Test("nova-rag on a disk the kernel turned read-only: a save is 503 {\"detail\"} naming the data volume, /health degraded")
    func ragFailedDisk() async throws {
        let disk = try #require(FailingDisk())
        defer { disk.unmount() }
        let knowledge = try TestEnvironment().knowledge
        let rag = try await ServiceProcess(
            "nova-rag",
            environment: [
                "NOVA_RAG_DATA_DIR": disk.directory.path, "KNOWLEDGE_DIR": knowledge.path, "EMBEDDING_PROVIDER": "hash", "DATABASE_URL": "",
            ])
        defer { rag.stop() }
        #expect(try await HTTPClient.shared.postJSON(rag.baseURL + "/code/save", Self.save(0)).0 == 200)

        try disk.fail()
        let (status, text) = try await HTTPClient.shared.postJSON(rag.baseURL + "/code/save", Self.save(1))
        #expect(status == 503, "\(text)")
        let detail = JSONValue(jsonText: text)?["detail"]?.stringValue ?? ""
        #expect(detail.contains("data volume"), "\(text)")
        #expect(!detail.lowercased().contains("sqlite"))
        let health = JSONValue(jsonText: try await HTTPClient.shared.getText(rag.baseURL + "/health").1)
        #expect(health?["status"]?.stringValue == "degraded" && health?["storage"]?.stringValue?.hasPrefix("unwritable") == true)
        let (_, stats) = try await HTTPClient.shared.getText(rag.baseURL + "/code/stats")
        #expect(JSONValue(jsonText: stats)?["total_codes"] == .int(1))
    }

    /// A workflow whose description needs a few hundred KiB of new pages.
    private static func workflow(_ index: Int) -> String {
        JSONValue.object([
            "name": .string("w-\(index)"), "description": .string(String(repeating: "x", count: 300_000)),
            "graph_definition": GraphFixtures.linear,
        ]).jsonText
    }

    /// A `/code/save` body: its entry and 1,536-float vector need pages the WAL of a fresh store does not have.
    private static func save(_ index: Int) -> String {
        CodeCacheFixtures.save(prompt: "full disk prompt \(index)", code: "x = '\(String(repeating: "y", count: 1000))'", action: "node_\(index)")
            .jsonText
    }

    private func poll(_ what: String, seconds: Int, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("\(what): not within \(seconds) s")
    }
}
