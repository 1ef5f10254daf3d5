import Hummingbird
import NovaCore
import NovaJSON
import RAGCore
import ServiceKit
import Shared

/// The documentation retrieval routes (docs/api.md §2.4–2.6).
struct DocsController<Context: RequestContext>: Sendable {
    let library: DocLibrary
    let admin: AdminGate

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post("/rag/query") { request, context in try await query(request, context: context) }
        routes.get("/rag/stats") { _, _ in try stats() }
        routes.post("/rag/reload") { _, context in try await reload(context: context) }
        return routes
    }

    private func query(_ request: Request, context: Context) async throws -> Response {
        var fields = try BodyFields(try await request.decodeJSON(as: JSONValue.self, context: context))
        let text = fields.string("query", minLength: 1)
        let topK = fields.int("top_k", in: 1...20, nullable: false) ?? 5
        var filters = BodyFields(members: fields.object("filters", required: false) ?? [:], prefix: "filters")
        let source = filters.string("source", required: false)
        let topic = filters.string("topic", required: false)
        fields.absorb(filters)
        try fields.validate()
        guard let text else { throw RequestValidationError([]) }
        let found: DocSearchResult
        do {
            found = try await library.search(DocQuery(text: text, topK: topK, source: source, topic: topic))
        } catch let error where error as? DocLibraryError != .notReady {
            context.logger.error("documentation search failed", metadata: ["error": .string(String(describing: error))])
            throw RAGRouteError.documentationSearchFailed(String(describing: error))
        }
        let results = found.hits.map { hit in
            RAGQueryResponse.Result(
                text: hit.chunk.text, source: hit.chunk.source, topic: hit.chunk.topic, score: hit.score, id: hit.chunk.id, file: hit.chunk.file,
                headingPath: hit.chunk.headingPath, chunkIndex: hit.chunk.index)
        }
        return try JSONResponse.make(RAGQueryResponse(results: results, query: text, duplicatesRemoved: found.duplicatesRemoved))
    }

    private func stats() throws -> Response {
        let index = library.index
        let perSource = index?.countsBySource ?? [:]
        return try JSONResponse.make(
            RAGStatsResponse(
                totalDocuments: index?.count ?? 0, sources: perSource.keys.sorted(), topics: index?.topics ?? [], ready: index != nil,
                documentsPerSource: perSource, files: index?.fileCount ?? 0, embeddingModel: library.modelName,
                lastReload: library.lastReload.map(RAGReloadResponse.init)))
    }

    private func reload(context: Context) async throws -> Response {
        try admin.check()
        guard library.index != nil else { throw RAGRouteError.vectorStoreNotReady }
        do {
            let report = try await library.reload()
            DocReloadLog.record(report, as: "documentation reloaded", logger: context.logger)
            return try JSONResponse.make(RAGReloadResponse(report))
        } catch {
            context.logger.error("documentation reload failed", metadata: ["error": .string(String(describing: error))])
            throw RAGRouteError.documentationReloadFailed(String(describing: error))
        }
    }
}
