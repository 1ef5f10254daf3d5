import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// Requires one of `NOVA_API_KEYS` as `Authorization: Bearer <key>` or `X-API-Key: <key>` on every route but `/`
/// and `/health`. Keys are compared as SHA-256 digests in constant time, against every configured key.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = NovaRequestContext

    private static let apiKeyHeader = HTTPField.Name("X-API-Key")!
    private let digests: [[UInt8]]

    /// Creates the middleware; with no keys it lets everything through.
    init(keys: [String]) {
        digests = keys.map(Self.digest)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !digests.isEmpty, !OpenPaths.contains(request.uri.path) else { return try await next(request, context) }
        guard let presented = Self.presentedKey(request), let index = match(presented) else {
            throw ServiceError(
                .unauthorized, "Missing or invalid API key: send Authorization: Bearer <key> or X-API-Key: <key>",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        var context = context
        context.apiKeyIdentity = "key-\(index)"
        return try await next(request, context)
    }

    private static func presentedKey(_ request: Request) -> String? {
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return request.headers[apiKeyHeader]
    }

    /// The index of the key whose digest equals the presented one's; every key is compared, byte by byte, always.
    private func match(_ presented: String) -> Int? {
        let candidate = Self.digest(presented)
        var found: Int?
        for (index, digest) in digests.enumerated() {
            var difference: UInt8 = 0
            for (left, right) in zip(digest, candidate) { difference |= left ^ right }
            if difference == 0 && found == nil { found = index }
        }
        return found
    }

    private static func digest(_ key: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(key.utf8)))
    }
}
