import Foundation
import Hummingbird
import NovaJSON

extension Request {
    /// Decodes the (already collected) body as `T`; malformed JSON or a wrong field is a 422 naming the field.
    package func decodeJSON<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        if data.isEmpty {
            throw RequestValidationError(ValidationIssue(type: "missing", loc: [.string("body")], msg: "Field required"))
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestValidationError(Self.issue(for: error))
        } catch let error as RequestValidationError {
            throw error
        }
    }

    private static func issue(for error: DecodingError) -> ValidationIssue {
        func location(_ path: [any CodingKey]) -> [JSONValue] {
            [.string("body")] + path.map { key in key.intValue.map(JSONValue.int) ?? .string(key.stringValue) }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ValidationIssue(type: "missing", loc: location(context.codingPath + [key]), msg: "Field required")
        case .typeMismatch(let expected, let context):
            return ValidationIssue(type: "type_error", loc: location(context.codingPath), msg: "Input should be of type \(expected)")
        case .valueNotFound(let expected, let context):
            return ValidationIssue(type: "missing", loc: location(context.codingPath), msg: "Input should be of type \(expected), not null")
        case .dataCorrupted(let context):
            let msg = context.codingPath.isEmpty ? "JSON decode error: the body is not valid JSON" : context.debugDescription
            return ValidationIssue(type: context.codingPath.isEmpty ? "json_invalid" : "value_error", loc: location(context.codingPath), msg: msg)
        @unknown default:
            return ValidationIssue(type: "value_error", loc: [.string("body")], msg: "Invalid body")
        }
    }
}
