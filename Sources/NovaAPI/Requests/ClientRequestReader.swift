import NovaCore
import NovaJSON
import ServiceKit

/// Validates `POST /clients` and `PUT /clients/{id}` bodies.
enum ClientRequestReader {
    /// A create body: `slug` (letters, digits, `-`, `_`, `.`; 1..100), `name` (1..255) required, `is_active` (default true).
    static func draft(_ body: JSONValue) throws -> ClientDraft {
        var fields = try BodyFields(body)
        let slug = readSlug(&fields, required: true)
        let name = readName(&fields, required: true)
        let isActive = fields.bool("is_active", required: false) ?? true
        try fields.validate()
        guard let slug, let name else { throw RequestValidationError([]) }
        return ClientDraft(slug: slug, name: name, isActive: isActive)
    }

    /// An update body: any of `slug`, `name`, `is_active`.
    static func changes(_ body: JSONValue) throws -> ClientChanges {
        var fields = try BodyFields(body)
        let slug = readSlug(&fields, required: false)
        let name = readName(&fields, required: false)
        let isActive = fields.bool("is_active", required: false)
        try fields.validate()
        return ClientChanges(slug: slug, name: name, isActive: isActive)
    }

    private static func readSlug(_ fields: inout BodyFields, required: Bool) -> String? {
        guard let slug = fields.string("slug", required: required, minLength: 1) else { return nil }
        let allowed =
            slug.count <= 100
            && slug.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
        guard allowed else {
            fields.fail("slug", type: "string_pattern_mismatch", msg: "Use 1 to 100 letters, digits, '-', '_' or '.'")
            return nil
        }
        return slug
    }

    private static func readName(_ fields: inout BodyFields, required: Bool) -> String? {
        guard let name = fields.string("name", required: required, minLength: 1) else { return nil }
        guard name.count <= 255 else {
            fields.fail("name", type: "string_too_long", msg: "String should have at most 255 characters")
            return nil
        }
        return name
    }
}
