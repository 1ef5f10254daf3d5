import Foundation

/// A fenced ```python block of a knowledge file and what its leading `# example:` lines say
/// (knowledge/README.md, "Examples are tested").
struct PythonExample: CustomStringConvertible {
    let file: String
    /// Position among the file's python blocks, from 0.
    let number: Int
    let code: String
    /// The reason given by `# example: no-run (<reason>)`, if any.
    let noRun: String?
    /// The JSON object of `# example: context {...}`, `{}` without one.
    let context: String

    var description: String { "\(file)#\(number)" }

    /// Top-level modules the block imports (`import a.b`, `from a import b`).
    var modules: [String] {
        code.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "import" || words[0] == "from" else { return nil }
            return words[1].split(separator: ".").first.map(String.init)?.trimmingCharacters(in: CharacterSet(charactersIn: ","))
        }
    }

    /// The python blocks of the Markdown `text` of `file`, in order.
    static func blocks(in text: String, file: String) -> [PythonExample] {
        var examples: [PythonExample] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil {
                if line == "```python" { current = [] }
            } else if line == "```" {
                examples.append(PythonExample(file: file, number: examples.count, lines: current ?? []))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return examples
    }

    private init(file: String, number: Int, lines: [Substring]) {
        self.file = file
        self.number = number
        code = lines.joined(separator: "\n") + "\n"
        var noRun: String?
        var context = "{}"
        for line in lines {
            guard line.hasPrefix("# example: ") else { break }
            let directive = line.dropFirst("# example: ".count)
            if directive.hasPrefix("no-run") {
                noRun = directive.dropFirst("no-run".count).trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
            } else if directive.hasPrefix("context ") {
                context = String(directive.dropFirst("context ".count))
            }
        }
        self.noRun = noRun
        self.context = context
    }

    /// The program actually run: `context` defined as in the sandbox (with `$base64(<file>)` values replaced by the
    /// base64 of that file in the working directory), then the block.
    var program: String {
        """
        import base64 as _b64, json as _json, os as _os, re as _re
        def _expand(value):
            if isinstance(value, str):
                match = _re.fullmatch(r"\\$base64\\((.+)\\)", value)
                return _b64.b64encode(open(match.group(1), "rb").read()).decode("ascii") if match else value
            if isinstance(value, list):
                return [_expand(item) for item in value]
            if isinstance(value, dict):
                return {key: _expand(item) for key, item in value.items()}
            return value
        context = _expand(_json.loads(_os.environ["NOVA_EXAMPLE_CONTEXT"]))
        del _b64, _json, _os, _re, _expand

        """ + code
    }
}
