import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// nova-rag's entries of a workflow, through nova: `GET /cache/semantic/entries?workflow_id=` and
/// `DELETE /cache/semantic/entries/{entry_id}`. nova sends its own `RAG_API_KEY`, so the dashboard (and any client
/// of nova) manages the semantic cache without ever holding nova-rag's key.
struct SemanticCacheController<Context: RequestContext>: Sendable {
    /// nil without `RAG_SERVICE_URL`: both routes then answer 503.
    let rag: NovaRAGClient?

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/cache/semantic/entries") { request, _ in try await entries(request) }
        routes.delete("/cache/semantic/entries/{entry_id}") { _, context in try await delete(context) }
        return routes
    }

    private func entries(_ request: Request) async throws -> Response {
        guard request.uri.queryParameters["workflow_id"] != nil else {
            throw RequestValidationError(
                ValidationIssue(type: "missing", loc: [.string("query"), .string("workflow_id")], msg: "Field required", input: .null))
        }
        let workflowID = try request.queryInt("workflow_id", default: 0, in: 1...Int.max)
        let limit = try request.queryInt("limit", default: 100, in: 1...1000)
        let offset = try request.queryInt("offset", default: 0)
        let client = try require()
        return try await relay { try JSONResponse.make(try await client.entries(workflowID: workflowID, limit: limit, offset: offset)) }
    }

    private func delete(_ context: Context) async throws -> Response {
        let id = context.parameters.get("entry_id") ?? ""
        let client = try require()
        return try await relay {
            _ = try await client.deleteEntry(id: id)
            return Response(status: .noContent)
        }
    }

    private func require() throws -> NovaRAGClient {
        guard let rag else { throw ServiceError(.serviceUnavailable, "RAG_SERVICE_URL is not set: this nova has no semantic cache") }
        return rag
    }

    /// Runs a call to nova-rag; its refusals keep their meaning (404, 403 with how to allow deletion), any other
    /// failure is a 502 naming it.
    private func relay(_ call: () async throws -> Response) async throws -> Response {
        do {
            return try await call()
        } catch NovaRAGError.status(404) {
            throw ServiceError(.notFound, "nova-rag has no such code entry")
        } catch NovaRAGError.status(403) {
            throw ServiceError(
                .forbidden,
                "nova-rag refuses admin calls: give nova and nova-rag the same RAG_API_KEY (or start nova-rag with --allow-unauthenticated-admin)")
        } catch let error as NovaRAGError {
            throw ServiceError(.badGateway, error.description)
        }
    }
}
