import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// The dashboard at `/ui` and the routes added for it.
@Suite("Dashboard")
struct DashboardRouteTests {
    /// The repository's `ui/` folder.
    private static let uiFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ui")

    @Test("the compiled-in files are exactly ui/ (run scripts/generate-dashboard.py after editing ui/)")
    func filesMatchFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.uiFolder.path).sorted()
        #expect(DashboardFile.all.map(\.name) == names)
        for file in DashboardFile.all {
            let text = try String(contentsOf: Self.uiFolder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == text, "ui/\(file.name) changed: run scripts/generate-dashboard.py")
        }
    }

    @Test("no inline script, style attribute or HTML sink in the dashboard's files")
    func noInlineCode() {
        for file in DashboardFile.all {
            #expect(!file.text.contains("innerHTML"), "\(file.name)")
            #expect(!file.text.contains("outerHTML"), "\(file.name)")
            #expect(!file.text.contains("insertAdjacentHTML"), "\(file.name)")
            #expect(!file.text.contains("style="), "\(file.name)")
            #expect(!file.text.contains("eval("), "\(file.name)")
        }
        let index = DashboardFile.all.first { $0.name == "index.html" }?.text ?? ""
        #expect(!index.contains("<script>"))
        #expect(!index.contains("onclick"))
    }

    @Test("with NOVA_API_KEYS /ui loads without a key, with a strict CSP and ETag; the API still needs the key")
    func servedWithoutKey() async throws {
        try await NovaApp.run(.sqlite, ["NOVA_API_KEYS": "k-one"]) { client in
            let page = try await client.execute(uri: "/ui", method: .get) { $0 }
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(String(buffer: page.body).contains("<script type=\"module\" src=\"/ui/app.js\">"))
            let script = try await client.execute(uri: "/ui/app.js", method: .get) { $0 }
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            let etag = try #require(script.headers[.eTag])
            let again = try await client.execute(uri: "/ui/app.js", method: .get, headers: [.ifNoneMatch: etag]) { $0.status }
            #expect(again == .notModified)
            let (_, settings) = try await client.call(.get, "/ui/settings.json")
            #expect(settings?["api_key_required"] == .bool(true))
            #expect(try await client.call(.get, "/ui/missing.js").0 == .notFound)
            let head = try await client.execute(uri: "/ui/app.css", method: .head) { ($0.status, $0.headers[.eTag], $0.body.readableBytes) }
            #expect(head.0 == .ok && head.1 != nil && head.2 == 0)
            #expect(try await client.call(.get, "/executions").0 == .unauthorized)
            #expect(try await client.call(.get, "/health/queue").0 == .unauthorized)
        }
        try await NovaApp.run(.sqlite) { client in
            let (_, settings) = try await client.call(.get, "/ui/settings.json")
            #expect(settings?["api_key_required"] == .bool(false))
        }
    }

    @Test("only /ui and single file names under it are open paths")
    func openPaths() {
        #expect(OpenPaths.contains("/ui"))
        #expect(OpenPaths.contains("/ui/app.js"))
        #expect(!OpenPaths.contains("/ui/../workflows"))
        #expect(!OpenPaths.contains("/ui/%2e%2e%2fworkflows"))
        #expect(!OpenPaths.contains("/ui/a/b"))
        #expect(!OpenPaths.contains("/uix"))
        #expect(!OpenPaths.contains("/workflows"))
    }

    @Test(
        "/health/queue counts waiting tasks and running executions; /cache/code-sources/daily files nodes by day",
        arguments: Backend.available)
    func queueAndDaily(backend: Backend) async throws {
        let database = try await NovaApp.Database(backend)
        try await database.seed { stores in
            let now = Date()
            try await stores.codeSources.record(CodeSourceEvent(source: .generated, tokensInput: 300, tokensOutput: 100, recordedAt: now))
            try await stores.codeSources.record(CodeSourceEvent(source: .exactHit, tokensSaved: 400, recordedAt: now))
            try await stores.codeSources.record(CodeSourceEvent(source: .semanticHit, recordedAt: now.addingTimeInterval(-86_400)))
            try await stores.codeSources.record(CodeSourceEvent(source: .generated, recordedAt: now.addingTimeInterval(-40 * 86_400)))
        }
        try await NovaApp.run(database, ["WORKER_CONCURRENCY": "3"]) { client in
            let (status, queue) = try await client.call(.get, "/health/queue")
            #expect(status == .ok)
            #expect(queue?["queue"] == .string("in_process"))
            #expect(queue?["workers"] == .int(3))
            #expect(queue?["queue_depth"] == .int(0))
            #expect(queue?["running_executions"] == .int(0))
            let (_, daily) = try await client.call(.get, "/cache/code-sources/daily?days=30")
            let days = try #require(daily?["days"]?.arrayValue)
            #expect(days.count == 2)
            #expect(days.last?["stats"]?["total_prompt_nodes"] == .int(2))
            #expect(days.last?["stats"]?["hit_rate"] == .double(0.5))
            #expect(days.first?["stats"]?["by_source"]?["semantic_hit"]?["nodes"] == .int(1))
            #expect(try await client.call(.get, "/cache/code-sources/daily?days=0").0 == .unprocessableContent)
        }
    }

    @Test("nova lists and deletes a workflow's nova-rag entries with its RAG_API_KEY; without nova-rag it answers 503")
    func semanticEntries() async throws {
        let ragEnvironment = try TestEnvironment()
        let ragConfig = try RAGConfig(env: ragEnvironment.rag(["EMBEDDING_PROVIDER": "hash", "RAG_API_KEY": "rag-secret"]))
        let rag = try await NovaRAG.buildApplication(config: ragConfig, logger: TestEnvironment.logger)
        try await rag.test(.live) { ragClient in
            let key: HTTPFields = [.authorization: "Bearer rag-secret"]
            for (index, (prompt, workflow)) in [("Extract the invoice total", 7), ("Extract the invoice date", 7), ("Send the reminder", 8)]
                .enumerated()
            {
                let body = CodeCacheFixtures.save(prompt: prompt, code: "print(\(index))", action: "node_\(index)", workflowID: workflow)
                #expect(try await ragClient.post("/code/save", body, headers: key).0 == .ok)
            }
            let url = "http://127.0.0.1:\(try #require(ragClient.port))"
            try await NovaApp.run(.sqlite, ["RAG_SERVICE_URL": url, "RAG_API_KEY": "rag-secret"]) { client in
                let (status, page) = try await client.call(.get, "/cache/semantic/entries?workflow_id=7")
                #expect(status == .ok)
                #expect(page?["total"] == .int(2))
                let id = try #require(page?["entries"]?.arrayValue?.first?["id"]?.stringValue)
                #expect(try await client.call(.delete, "/cache/semantic/entries/\(id)").0 == .noContent)
                #expect(try await client.call(.get, "/cache/semantic/entries?workflow_id=7").1?["total"] == .int(1))
                #expect(try await client.call(.delete, "/cache/semantic/entries/\(id)").0 == .notFound)
                #expect(try await client.call(.get, "/cache/semantic/entries").0 == .unprocessableContent)
            }
        }
        try await NovaApp.run(.sqlite) { client in
            let (status, _) = try await client.call(.get, "/cache/semantic/entries?workflow_id=7")
            #expect(status == .serviceUnavailable)
        }
    }
}
