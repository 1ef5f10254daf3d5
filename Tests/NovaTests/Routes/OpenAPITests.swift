import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NovaCore
import NovaJSON
import RAGCore
import ServiceKit
import Testing

@testable import NovaAPI
@testable import NovaRAG

@Suite("OpenAPI document and docs page")
struct OpenAPITests {
    @Test("the document describes exactly the routes the router serves")
    func matchesRouter() async throws {
        let env = try TestEnvironment()
        let services = try await NovaServices.open(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger, queue: MemoryJobQueue())
        let router = Router(context: NovaRequestContext.self)
        router.addNovaRoutes(services)
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(served.subtracting(NovaOpenAPI.document.routes).isEmpty, "served but not documented")
        #expect(NovaOpenAPI.document.routes.subtracting(served).isEmpty, "documented but not served")
        #expect(served.count == NovaOpenAPI.document.operations.count)
    }

    @Test("every schema reference resolves and every operation documents its success and error answers")
    func references() throws {
        let document = NovaOpenAPI.document.json
        let schemas = try #require(document["components"]?["schemas"]?.objectValue)
        var references: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if let reference = members["$ref"]?.stringValue { references.insert(String(reference.split(separator: "/").last ?? "")) }
                members.values.forEach(collect)
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(references.subtracting(schemas.keys).isEmpty)
        #expect(document["openapi"] == .string("3.1.0"))
        let operationIDs =
            document["paths"]?.objectValue?.values.flatMap { $0.objectValue?.values.compactMap { $0["operationId"]?.stringValue } ?? [] } ?? []
        #expect(Set(operationIDs).count == NovaOpenAPI.document.operations.count)
        var linked: Set<String> = []
        func collectLinks(_ value: JSONValue) {
            switch value {
            case .object(let members):
                members["links"]?.objectValue?.values.compactMap { $0["operationId"]?.stringValue }.forEach { linked.insert($0) }
                members.values.forEach(collectLinks)
            case .array(let elements): elements.forEach(collectLinks)
            default: break
            }
        }
        collectLinks(document)
        #expect(linked.count >= 10)
        #expect(linked.subtracting(operationIDs).isEmpty, "links to unknown operations")
        for operation in NovaOpenAPI.document.operations {
            #expect(operation.responses.contains { (200...299).contains($0.0) }, "\(operation.method) \(operation.path)")
        }
    }

    @Test("the app serves /openapi.json and an HTML page at /docs and /redoc without any external asset")
    func served() async throws {
        try await NovaApp.run(.sqlite) { client in
            let (status, spec) = try await client.call(.get, "/openapi.json")
            #expect(status == .ok)
            #expect(spec?["info"]?["title"] == .string("NOVA API"))
            #expect(spec?["paths"]?["/workflows/{workflow_id}"]?["put"] != nil)
            for path in ["/docs", "/redoc"] {
                let (type, html) = try await client.execute(uri: path, method: .get) { ($0.headers[.contentType] ?? "", String(buffer: $0.body)) }
                #expect(type.hasPrefix("text/html"))
                #expect(html.contains("/workflows/{workflow_id}/execute"))
                #expect(html.contains("CredentialCreate"))
                #expect(!html.contains("<script"))
                #expect(!html.contains("https://"))
            }
        }
    }
}

@Suite("nova-rag OpenAPI document")
struct RAGOpenAPITests {
    @Test("nova-rag's document describes exactly the routes of its controllers, and /docs renders it")
    func matchesRouter() async throws {
        let env = try TestEnvironment()
        let config = try RAGConfig(env: env.rag(["EMBEDDING_PROVIDER": "hash"]))
        let router = Router(context: RAGRequestContext.self)
        let docs = DocLibrary(store: MemoryDocChunkStore(), embedder: HashEmbedder(), folder: KnowledgeFolder(roots: []))
        router.addRAGRoutes(config: config, slot: CodeCacheSlot(), docs: docs)
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(served == RAGOpenAPI.document.routes)
        let app = try await NovaRAG.buildApplication(config: config, logger: TestEnvironment.logger)
        try await app.test(.router) { client in
            let (status, spec) = try await client.call(.get, "/openapi.json")
            #expect(status == .ok)
            #expect(spec?["info"]?["title"] == .string("NOVA RAG"))
            let html = try await client.execute(uri: "/docs", method: .get) { String(buffer: $0.body) }
            #expect(html.contains("/code/entries/{id}/result"))
        }
    }
}
