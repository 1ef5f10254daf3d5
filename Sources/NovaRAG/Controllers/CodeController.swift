import Foundation
import Hummingbird
import NovaCore
import NovaJSON
import RAGCore
import ServiceKit
import Shared

/// The semantic code cache routes (docs/api.md §2.7–2.10), `GET /code/entries`, the entries of a workflow, and the
/// outcomes its error-rate bound learns from (`/code/entries/{id}/verdict`, `/code/entries/{id}/result`).
struct CodeController<Context: RequestContext>: Sendable {
    let slot: CodeCacheSlot
    let admin: AdminGate

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post("/code/search") { request, context in try await search(request, context: context) }
        routes.post("/code/save") { request, context in try await save(request, context: context) }
        routes.get("/code/stats") { _, _ in try await stats() }
        routes.post("/code/clear") { _, _ in try await clear() }
        routes.get("/code/entries") { request, _ in try entries(request) }
        routes.get("/code/entries/{id}") { _, context in try entry(context: context) }
        routes.delete("/code/entries/{id}") { _, context in try await delete(context: context) }
        routes.post("/code/entries/{id}/result") { request, context in try await result(request, context: context) }
        routes.post("/code/entries/{id}/verdict") { request, context in try await verdict(request, context: context) }
        return routes
    }

    private func search(_ request: Request, context: Context) async throws -> Response {
        var fields = try BodyFields(try await request.decodeJSON(as: JSONValue.self, context: context))
        let text = fields.string("query", minLength: 1)
        let threshold = fields.double("threshold", in: 0...1, nullable: false) ?? 0.85
        let topK = fields.int("top_k", in: 1...20, nullable: false) ?? 5
        let workflowID = fields.int("workflow_id")
        let maxErrorRate = fields.double("max_error_rate", in: HitBound.maxErrorRates)
        _ = fields.strings("available_keys")
        try fields.validate()
        guard let text else { throw RequestValidationError([]) }
        let outcome = try await slot.require().search(
            CodeSearchQuery(text: text, threshold: threshold, topK: topK, workflowID: workflowID, maxErrorRate: maxErrorRate))
        let matches = outcome.matches.map(CodeMatchBody.init(match:))
        return try JSONResponse.make(CodeSearchResponse(matches: matches, query: text, threshold: threshold, error: outcome.error))
    }

    private func save(_ request: Request, context: Context) async throws -> Response {
        let input = try CodeSaveRequestReader.read(try await request.decodeJSON(as: JSONValue.self, context: context))
        let cache = try slot.require()
        do {
            return try JSONResponse.make(CodeSaveResponse.saved(id: try await cache.save(input)))
        } catch let error as CodeCacheError {
            guard case .secretInField = error else { return try JSONResponse.make(CodeSaveResponse.failed(error.description)) }
            throw error
        } catch {
            // A full or unwritable store is the operator's to fix: 507/503 (docs/api.md §2.8), not D12's 200.
            if StorageFault(error) != nil { throw error }
            context.logger.error("code save failed", metadata: ["error": .string(String(describing: error))])
            return try JSONResponse.make(CodeSaveResponse.failed(String(describing: error)))
        }
    }

    private func stats() async throws -> Response {
        let cache = try slot.require()
        let entries = cache.allEntries
        let counters = cache.stats
        let outcomes = try await cache.outcomes.totals()
        let average = entries.isEmpty ? 0 : Double(entries.map(\.successCount).reduce(0, +)) / Double(entries.count)
        var body = CodeStatsResponse(
            totalCodes: entries.count,
            actions: Set(entries.map { $0.nodeAction.isEmpty ? "unknown" : $0.nodeAction }).sorted(),
            avgSuccessCount: (average * 100).rounded() / 100,
            totalFailures: entries.map(\.failureCount).reduce(0, +),
            workflows: Set(entries.compactMap(\.workflowID)).sorted(),
            searches: counters.searches, hits: counters.hits, hitRate: (counters.hitRate * 10_000).rounded() / 10_000,
            rejectedHits: counters.guardRejections, searchFailures: counters.failures,
            meanSearchLatencyMs: (counters.meanLatencyMilliseconds * 1000).rounded() / 1000)
        body.confirmationsAccepted = outcomes.confirmed
        body.confirmationsRejected = outcomes.rejected
        body.servedWithoutConfirmation = outcomes.served
        body.reuseFailures = outcomes.failed
        body.falseHitEstimate = (outcomes.falseHitEstimate * 10_000).rounded() / 10_000
        return try JSONResponse.make(body)
    }

    private func clear() async throws -> Response {
        try admin.check()
        return try JSONResponse.make(CodeClearResponse(codesDeleted: try await slot.require().clear()))
    }

    /// The entries of `workflow_id` (every entry without it), most recently used (or saved) first.
    private func entries(_ request: Request) throws -> Response {
        let workflowID = try request.queryInt("workflow_id", default: 0)
        let limit = try request.queryInt("limit", default: 100, in: 1...1000)
        let offset = try request.queryInt("offset", default: 0)
        let matching = try slot.require().allEntries.filter { workflowID == 0 || $0.workflowID == workflowID }
            .sorted { ($0.lastUsedAt ?? $0.createdAt, $0.id) > ($1.lastUsedAt ?? $1.createdAt, $1.id) }
        let page = matching.dropFirst(offset).prefix(limit).map { CodeMatchBody(entry: $0, score: nil) }
        return try JSONResponse.make(CodeEntriesResponse(total: matching.count, limit: limit, offset: offset, entries: Array(page)))
    }

    private func entry(context: Context) throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let entry = try slot.require().entry(id: id) else { throw RAGRouteError.codeEntryNotFound }
        return try JSONResponse.make(CodeMatchBody(entry: entry, score: nil))
    }

    private func delete(context: Context) async throws -> Response {
        try admin.check()
        let id = context.parameters.get("id") ?? ""
        guard try await slot.require().delete(id: id) else { throw RAGRouteError.codeEntryNotFound }
        return try JSONResponse.make(CodeDeleteResponse(id: id))
    }

    private func result(_ request: Request, context: Context) async throws -> Response {
        var fields = try BodyFields(try await request.decodeJSON(as: JSONValue.self, context: context))
        let success = fields.bool("success")
        let similarity = fields.double("similarity", in: 0...1)
        let confirmed = fields.bool("confirmed", required: false) ?? false
        let guardConflict = fields.bool("guard_conflict", required: false) ?? false
        try fields.validate()
        let id = context.parameters.get("id") ?? ""
        let cache = try slot.require()
        if let similarity, let success, !(success && confirmed) {
            _ = try await cache.recordOutcome(success ? .served : .failed, id: id, similarity: similarity, guardConflict: guardConflict)
        }
        guard let success, let outcome = try await cache.recordResult(id: id, success: success, mayEvict: admin.permitsAdmin) else {
            throw RAGRouteError.codeEntryNotFound
        }
        return try JSONResponse.make(
            CodeResultResponse(id: id, successCount: outcome.successCount, failureCount: outcome.failureCount, deleted: outcome.deleted))
    }

    private func verdict(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.decodeJSON(as: JSONValue.self, context: context)
        var fields = try BodyFields(body)
        let similarity = fields.double("similarity", in: 0...1, nullable: false)
        if body["similarity"] == nil { fields.fail("similarity", type: "missing", msg: "Field required") }
        let correct = fields.bool("correct")
        let guardConflict = fields.bool("guard_conflict", required: false) ?? false
        try fields.validate()
        let id = context.parameters.get("id") ?? ""
        let outcome: HitOutcome = correct == true ? .confirmed : .rejected
        guard let similarity, try await slot.require().recordOutcome(outcome, id: id, similarity: similarity, guardConflict: guardConflict) else {
            throw RAGRouteError.codeEntryNotFound
        }
        return try JSONResponse.make(CodeVerdictResponse(id: id, outcome: outcome.rawValue))
    }
}
