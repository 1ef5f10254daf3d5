import Foundation

extension JSONValue {
    /// Compact JSON text with sorted keys, for storing in a text column.
    package var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Parses JSON text; nil when it is not exactly one JSON value.
    package init?(jsonText: String) {
        var parser = JSONParser(jsonText)
        guard let value = parser.parse() else { return nil }
        self = value
    }
}
