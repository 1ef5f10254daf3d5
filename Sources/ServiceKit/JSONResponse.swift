import Foundation
import HTTPTypes
import Hummingbird

/// Builds JSON responses with the contract's content type, `application/json; charset=utf-8`.
package enum JSONResponse {
    /// The encoder every JSON response uses.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    /// A response whose body is `value` encoded as JSON.
    package static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data = try encoder().encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
