/// Renders strings the way Python prints a list of them (`['a', 'b']`), as the contract's error texts do.
package enum PythonListText {
    /// `['a', 'b']`, each element quoted as Python's `repr` quotes it.
    package static func render(_ items: [String]) -> String {
        "[" + items.map(repr).joined(separator: ", ") + "]"
    }

    /// Python's `repr` of a string: single quotes unless it holds a single quote and no double quote.
    package static func repr(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case quote: result += "\\" + String(quote)
            default: result.append(character)
            }
        }
        result.append(quote)
        return result
    }
}
