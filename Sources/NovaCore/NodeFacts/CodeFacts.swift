/// What a piece of node code uses, read from its text (docs/api.md §4.5): the modules it imports and the context keys
/// it reads.
package enum CodeFacts {
    /// Top-level modules of lines starting `import X` or `from X import`, in first-seen order.
    package static func librariesUsed(in code: String) -> [String] {
        var seen: [String] = []
        for line in code.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            var modules: [Substring] = []
            if trimmed.hasPrefix("import ") {
                modules = trimmed.dropFirst("import ".count).split(separator: ",").compactMap { $0.split(separator: " ").first }
            } else if trimmed.hasPrefix("from "), let module = trimmed.dropFirst("from ".count).split(separator: " ").first {
                modules = [module]
            }
            for module in modules {
                let top = String(module.split(separator: ".").first ?? module)
                if !top.isEmpty, !top.hasPrefix("."), !seen.contains(top) { seen.append(top) }
            }
        }
        return seen
    }

    /// Keys read as `context.get('k')` or `context['k']` (not followed by a plain `=`; `==` is a read, D24), sorted.
    package static func requiredKeys(in code: String) -> [String] {
        var keys = Set<String>()
        let characters = Array(code)
        var index = 0
        while index < characters.count {
            if let (key, end) = keyAccess(characters, at: index) {
                var next = end
                while next < characters.count, characters[next] == " " { next += 1 }
                let isAssignment = next < characters.count && characters[next] == "=" && (next + 1 >= characters.count || characters[next + 1] != "=")
                if !isAssignment { keys.insert(key) }
                index = end
            } else {
                index += 1
            }
        }
        return keys.sorted()
    }

    /// A `context['k']`, `context["k"]` or `context.get('k'` starting at `start`: the key and the index after it.
    private static func keyAccess(_ characters: [Character], at start: Int) -> (String, Int)? {
        let word = Array("context")
        guard start + word.count < characters.count, Array(characters[start..<start + word.count]) == word else { return nil }
        if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber || characters[start - 1] == "_" { return nil }
        var index = start + word.count
        let isGet: Bool
        if characters[index] == "[" {
            isGet = false
            index += 1
        } else if Array(characters[index..<min(index + 5, characters.count)]) == Array(".get(") {
            isGet = true
            index += 5
        } else {
            return nil
        }
        guard index < characters.count, characters[index] == "'" || characters[index] == "\"" else { return nil }
        let quote = characters[index]
        guard let close = characters[(index + 1)...].firstIndex(of: quote) else { return nil }
        let key = String(characters[(index + 1)..<close])
        var end = close + 1
        if !isGet {
            guard end < characters.count, characters[end] == "]" else { return nil }
            end += 1
        }
        return (key, end)
    }
}
