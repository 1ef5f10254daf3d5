import Foundation
import NovaJSON

/// The compact description of a node's input context used as cache key and LLM input (docs/api.md §4.2): key names and
/// value shapes, never values. Credentials appear only as `has_<key>` flags in ``config``.
package struct InputSchema: Sendable, Equatable {
    /// Key → type name (`str`, `int`, `base64_large`, `csv[4]`, `list[attachment:pdf]`, `dict[3]`, …).
    package let types: [String: JSONValue]
    /// `has_<credential key>` → whether the credential is set.
    package let config: [String: JSONValue]

    /// Keys never described: internal lists injected by the worker.
    private static let skipped: Set<String> = ["database_schemas", "sender_whitelist"]

    /// The schema of `context`.
    package init(context: [String: JSONValue]) {
        var types: [String: JSONValue] = [:]
        var config: [String: JSONValue] = [:]
        for (key, value) in context where !key.hasPrefix("_") {
            if SecretKeys.credentialKeys.contains(key.lowercased()) {
                config["has_\(key)"] = .bool(value != .null && value != .string(""))
            } else if !Self.skipped.contains(key) {
                types[key] = .string(Self.typeName(value))
            }
        }
        self.types = types
        self.config = config
    }

    /// The type name of one value, first matching rule of docs/api.md §4.2.
    package static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string(let text): return stringType(text)
        case .array(let elements): return listType(elements)
        case .object(let members): return members.isEmpty ? "dict_empty" : "dict[\(members.count)]"
        }
    }

    private static func stringType(_ text: String) -> String {
        if text.isEmpty { return "str_empty" }
        if text.utf8.count > 1000, isBase64(text) { return "base64_large" }
        if let columns = csvColumns(text) { return "csv[\(columns)]" }
        if let first = text.first, first == "{" || first == "[", let parsed = JSONValue(jsonText: text) {
            if case .object = parsed { return "json_dict" }
            if case .array = parsed { return "json_list" }
        }
        return "str"
    }

    private static func isBase64(_ text: String) -> Bool {
        guard text.utf8.count % 4 == 0 else { return false }
        let body = text.utf8.reversed().drop(while: { $0 == UInt8(ascii: "=") })
        guard text.utf8.count - body.count <= 2 else { return false }
        return body.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }

    /// Header column count when the text looks like CSV: ≥ 2 lines, a `,` or tab in the first, lines 2–5 within ±1
    /// of its separator count.
    private static func csvColumns(_ text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.count >= 2, let header = lines.first else { return nil }
        let separator: Character = header.contains(",") ? "," : "\t"
        let headerCount = header.filter { $0 == separator }.count
        guard headerCount > 0 else { return nil }
        for line in lines.dropFirst().prefix(4) where !line.isEmpty {
            if abs(line.filter { $0 == separator }.count - headerCount) > 1 { return nil }
        }
        return headerCount + 1
    }

    private static func listType(_ elements: [JSONValue]) -> String {
        guard let first = elements.first else { return "list_empty" }
        let attachments = elements.compactMap(\.objectValue).filter { $0["filename"] != nil && $0["data"] != nil }
        if !attachments.isEmpty, attachments.count == elements.count {
            let extensions = Set(
                attachments.prefix(5).compactMap { $0["filename"]?.stringValue }.compactMap { name -> String? in
                    guard let dot = name.lastIndex(of: "."), dot != name.index(before: name.endIndex) else { return nil }
                    return name[name.index(after: dot)...].lowercased()
                })
            return extensions.isEmpty ? "list[attachment]" : "list[attachment:\(extensions.sorted().joined(separator: ","))]"
        }
        return "list[\(typeName(first))]"
    }
}
