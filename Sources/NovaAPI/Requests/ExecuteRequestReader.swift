import Hummingbird
import NovaJSON
import ServiceKit

/// Validates the optional body of `POST /workflows/{id}/execute` (docs/api.md §3.4).
enum ExecuteRequestReader {
    /// `client_slug` (string or null) and `initial_context` (object or null, default `{}`); an empty body is allowed.
    static func read(_ request: Request, context: some RequestContext) async throws -> (clientSlug: String?, initialContext: [String: JSONValue]) {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return (nil, [:]) }
        var fields = try BodyFields(try await request.decodeJSON(as: JSONValue.self, context: context))
        let slug = fields.string("client_slug", required: false, minLength: 1)
        let initial = fields.object("initial_context", required: false) ?? [:]
        try fields.validate()
        return (slug, initial)
    }
}
