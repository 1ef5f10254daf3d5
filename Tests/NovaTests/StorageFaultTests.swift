import AsyncHTTPClient
import Foundation
import NovaJSON
import Testing

/// A full disk (a small tmpfs) or one the kernel turned read-only (an ext4 image after an error) under each service's
/// data directory, so root only: writes answer 507 or 503 in the service's envelope with a message an operator can
/// act on and no internal text, `/health` says `degraded`, and a full disk recovers once space returns.
@Suite("Storage faults", .serialized, .enabled(if: getuid() == 0, "mounting a file system needs root"))
struct StorageFaultTests {
    @Test("nova on a full disk: 507 with an actionable message, /health degraded, recovery once space returns")
    func novaFullDisk() async throws {
        let disk = try #require(SmallTmpfs(megabytes: 24))
        defer { disk.unmount() }
        let nova = try await Self.nova(on: disk.directory)
        defer { nova.stop() }
        #expect(try await Self.post(nova, Self.workflow(0)) == 201)

        try disk.fill()
        let text = try await Self.expectRefusal(nova, Self.workflow(1), status: 507, saying: "Free disk space", envelope: "error")
        #expect(JSONValue(jsonText: text)?["status_code"] == .int(507))
        try await poll("/health degraded", seconds: 15) { try await Self.isDegraded(nova, storage: "full") }

        try disk.free()
        #expect(try await Self.post(nova, Self.workflow(2)) == 201)
        try await poll("/health healthy again", seconds: 15) { try await Self.health(nova)?["status"]?.stringValue == "healthy" }
        let (_, list) = try await HTTPClient.shared.getText(nova.baseURL + "/workflows")
        #expect(list.contains("w-0") && list.contains("w-2") && !list.contains("w-1"))
    }

    @Test(
        "nova on a disk the kernel turned read-only: 503 naming the data volume, no internal text, /health degraded",
        .enabled(if: FailingDisk.isPossible, "needs loop devices and mkfs.ext4"))
    func novaFailedDisk() async throws {
        let disk = try #require(FailingDisk())
        defer { disk.unmount() }
        let nova = try await Self.nova(on: disk.directory)
        defer { nova.stop() }
        #expect(try await Self.post(nova, Self.workflow(0)) == 201)

        try disk.fail()
        _ = try await Self.expectRefusal(nova, Self.workflow(1), status: 503, saying: "data volume", envelope: "error")
        try await poll("/health degraded", seconds: 15) { try await Self.isDegraded(nova, storage: "unwritable") }
    }

    @Test("nova-rag on a full disk: a save is 507 {\"detail\"} naming what to do, never 200 with SQLite text; saves work again after")
    func ragFullDisk() async throws {
        let disk = try #require(SmallTmpfs(megabytes: 24))
        defer { disk.unmount() }
        let rag = try await Self.rag(on: disk.directory)
        defer { rag.stop() }

        try disk.fill()
        _ = try await Self.expectRefusal(rag, Self.save(1), status: 507, saying: "Free disk space", envelope: "detail")
        #expect(try await Self.isDegraded(rag, storage: "full"))

        try disk.free()
        #expect(try await Self.post(rag, Self.save(2)) == 200)
        #expect(try await Self.storedEntries(rag) == 1)
        let healthy = try await Self.health(rag)
        #expect(healthy?["status"]?.stringValue == "healthy" && healthy?["storage"]?.stringValue == "ok")
    }

    @Test(
        "nova-rag on a disk the kernel turned read-only: a save is 503 {\"detail\"} naming the data volume, /health degraded",
        .enabled(if: FailingDisk.isPossible, "needs loop devices and mkfs.ext4"))
    func ragFailedDisk() async throws {
        let disk = try #require(FailingDisk())
        defer { disk.unmount() }
        let rag = try await Self.rag(on: disk.directory)
        defer { rag.stop() }
        #expect(try await Self.post(rag, Self.save(0)) == 200)

        try disk.fail()
        _ = try await Self.expectRefusal(rag, Self.save(1), status: 503, saying: "data volume", envelope: "detail")
        #expect(try await Self.isDegraded(rag, storage: "unwritable"))
        #expect(try await Self.storedEntries(rag) == 1)
    }

    /// Embedded nova (SQLite, no workers) with its data directory in `directory`.
    private static func nova(on directory: URL) async throws -> ServiceProcess {
        try await ServiceProcess(
            "nova", environment: ["NOVA_DATA_DIR": directory.path, "WORKER_CONCURRENCY": "0", "REDIS_URL": "", "DATABASE_URL": ""])
    }

    /// nova-rag (SQLite, hash embedder) with its data directory in `directory`.
    private static func rag(on directory: URL) async throws -> ServiceProcess {
        try await ServiceProcess(
            "nova-rag",
            environment: [
                "NOVA_RAG_DATA_DIR": directory.path, "KNOWLEDGE_DIR": try TestEnvironment().knowledge.path, "EMBEDDING_PROVIDER": "hash",
                "DATABASE_URL": "",
            ])
    }

    /// The status of a write: a workflow to nova, a save to nova-rag.
    private static func post(_ service: ServiceProcess, _ body: Write) async throws -> Int {
        try await HTTPClient.shared.postJSON(service.baseURL + body.path, body.json).0
    }

    /// Expects the write refused with `status` and a message in the service's `envelope` that contains `saying` and
    /// no internal text; returns the body.
    private static func expectRefusal(_ service: ServiceProcess, _ body: Write, status: Int, saying: String, envelope: String)
        async throws -> String
    {
        let (answered, text) = try await HTTPClient.shared.postJSON(service.baseURL + body.path, body.json)
        #expect(answered == status, "\(text)")
        let message = JSONValue(jsonText: text)?[envelope]?.stringValue ?? ""
        #expect(message.contains(saying), "\(text)")
        #expect(!message.lowercased().contains("sqlite"))
        return text
    }

    private static func health(_ service: ServiceProcess) async throws -> JSONValue? {
        JSONValue(jsonText: try await HTTPClient.shared.getText(service.baseURL + "/health").1)
    }

    /// Whether `/health` says `degraded` with a `storage` state starting with `storage`.
    private static func isDegraded(_ service: ServiceProcess, storage: String) async throws -> Bool {
        let health = try await health(service)
        return health?["status"]?.stringValue == "degraded" && health?["storage"]?.stringValue?.hasPrefix(storage) == true
    }

    private static func storedEntries(_ rag: ServiceProcess) async throws -> Int? {
        JSONValue(jsonText: try await HTTPClient.shared.getText(rag.baseURL + "/code/stats").1)?["total_codes"]?.intValue
    }

    /// A write request: where it goes and its body.
    private struct Write {
        let path: String
        let json: String
    }

    /// A workflow whose description needs a few hundred KiB of new pages.
    private static func workflow(_ index: Int) -> Write {
        let body = JSONValue.object([
            "name": .string("w-\(index)"), "description": .string(String(repeating: "x", count: 300_000)),
            "graph_definition": GraphFixtures.linear,
        ])
        return Write(path: "/workflows", json: body.jsonText)
    }

    /// A `/code/save` body: its entry and 1,536-float vector need pages the WAL of a fresh store does not have.
    private static func save(_ index: Int) -> Write {
        let body = CodeCacheFixtures.save(
            prompt: "full disk prompt \(index)", code: "x = '\(String(repeating: "y", count: 1000))'", action: "node_\(index)")
        return Write(path: "/code/save", json: body.jsonText)
    }
}
