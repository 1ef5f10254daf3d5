extension JSONValue {
    /// Compact JSON text with sorted keys, for storing in a text column and handing to the sandbox.
    ///
    /// A float keeps its fraction even when whole (`21.0`, not `21`), so the integer/float distinction survives a
    /// round trip through Python (where `json.loads("21")` is an `int`); a non-finite float, which JSON cannot
    /// hold, is written `null`.
    package var jsonText: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Parses JSON text; nil when it is not exactly one JSON value.
    package init?(jsonText: String) {
        var parser = JSONParser(jsonText)
        guard let value = parser.parse() else { return nil }
        self = value
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .double(let number): text += number.isFinite ? number.description : "null"
        case .string(let string): Self.writeString(string, to: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.writeString(key, to: &text)
                text += ":"
                members[key]!.write(to: &text)
            }
            text += "}"
        }
    }

    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
