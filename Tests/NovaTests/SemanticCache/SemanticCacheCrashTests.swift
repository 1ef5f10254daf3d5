import AsyncHTTPClient
import Foundation
import NovaJSON
import Testing

/// nova-rag as a real process: a save answered 200 survives `kill -9`.
@Suite("Semantic cache durability across kill -9")
struct SemanticCacheCrashTests {
    @Test("kill -9 during a burst of 200 concurrent saves loses no answered save, and the store reopens", arguments: Backend.available)
    func killDuringBurst(backend: Backend) async throws {
        let env = try TestEnvironment()
        let variables = ["NOVA_RAG_DATA_DIR": env.directory.path, "EMBEDDING_PROVIDER": "hash"].merging(try await backend.environment()) { $1 }
        let first = try await ServiceProcess("nova-rag", environment: variables)
        let answered = ReadWriteLockedIDs()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let body = CodeCacheFixtures.save(prompt: "burst prompt \(index)", code: "print(\(index))", action: "node_\(index)").jsonText
                    guard let (status, text) = try? await HTTPClient.shared.postJSON(first.baseURL + "/code/save", body, timeout: .seconds(10)),
                        status == 200, let id = JSONValue(jsonText: text)?["id"]?.stringValue
                    else { return }
                    answered.add(id)
                }
            }
            group.addTask {
                while answered.count < 60 { try? await Task.sleep(for: .milliseconds(2)) }
                first.kill9()
            }
        }
        #expect(answered.count >= 60)
        let second = try await ServiceProcess("nova-rag", environment: variables)
        defer { second.stop() }
        for id in answered.all {
            let (status, _) = try await HTTPClient.shared.getText(second.baseURL + "/code/entries/\(id)")
            #expect(status == 200, "answered save \(id) was lost")
        }
        let (_, stats) = try await HTTPClient.shared.getText(second.baseURL + "/code/stats")
        let total = JSONValue(jsonText: stats)?["total_codes"]
        #expect((total.flatMap { if case .int(let n) = $0 { n } else { nil } } ?? 0) >= answered.count)
    }
}

/// Ids collected from concurrent tasks.
private final class ReadWriteLockedIDs: @unchecked Sendable {
    private var ids: [String] = []
    private let lock = NSLock()

    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var count: Int { lock.withLock { ids.count } }
    var all: [String] { lock.withLock { ids } }
}
