import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceKit

/// The dashboard at `/ui`: its static files from memory (``DashboardFile/all``) and `/ui/settings.json`, which tells
/// the page whether nova wants an API key. Nothing under `/ui` holds data, so no key is needed for it
/// (``OpenPaths``); the page calls the API with the key it asks for.
///
/// Every answer carries a strict Content-Security-Policy (scripts, styles, images and requests from this origin
/// only; no inline script or style, no framing, no form posts) and is revalidated by its ETag.
struct DashboardController<Context: RequestContext>: Sendable {
    /// The policy of every `/ui` answer.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'"
    }

    private struct Served: Sendable {
        let body: ByteBuffer
        let contentType: String
        let etag: String
    }

    private static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }
    private static var frameOptions: HTTPField.Name { HTTPField.Name("X-Frame-Options")! }
    private static var openerPolicy: HTTPField.Name { HTTPField.Name("Cross-Origin-Opener-Policy")! }
    private let files: [String: Served]

    /// Serves ``DashboardFile/all``; `apiKeyRequired` is what `/ui/settings.json` says.
    init(apiKeyRequired: Bool) {
        var files: [String: Served] = [:]
        for file in DashboardFile.all {
            files[file.name] = Self.served(Data(file.text.utf8), contentType: file.contentType)
        }
        let settings = Data("{\"api_key_required\":\(apiKeyRequired)}".utf8)
        files["settings.json"] = Self.served(settings, contentType: "application/json")
        self.files = files
    }

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/ui") { request, _ in try answer("index.html", request) }
        routes.get("/ui/{file}") { request, context in try answer(context.parameters.get("file") ?? "", request) }
        routes.head("/ui") { request, _ in try answer("index.html", request, withBody: false) }
        routes.head("/ui/{file}") { request, context in try answer(context.parameters.get("file") ?? "", request, withBody: false) }
        return routes
    }

    /// The file `name` (304 when the client holds its ETag); a HEAD request gets the headers only.
    private func answer(_ name: String, _ request: Request, withBody: Bool = true) throws -> Response {
        guard let file = files[name] else { throw ServiceError(.notFound, "No such dashboard file") }
        let headers: HTTPFields = [
            .contentType: file.contentType, .eTag: file.etag, .cacheControl: "no-cache", .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff", Self.referrerPolicy: "no-referrer", Self.frameOptions: "DENY", Self.openerPolicy: "same-origin",
        ]
        if request.headers[.ifNoneMatch] == file.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: withBody ? .init(byteBuffer: file.body) : .init())
    }

    private static func served(_ data: Data, contentType: String) -> Served {
        let digest = SHA256.hash(data: data).prefix(12).map { String(format: "%02x", $0) }.joined()
        return Served(body: ByteBuffer(bytes: data), contentType: contentType, etag: "\"\(digest)\"")
    }
}
