import Foundation
import NovaJSON

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

    /// The `context` the block runs with: its `# example: context` object, with each `$base64(<file>)` string replaced
    /// by that file of `files` (name → base64 text, the file's shared working directory).
    func sandboxContext(files: [String: String]) throws -> [String: JSONValue] {
        func expand(_ value: JSONValue) throws -> JSONValue {
            switch value {
            case .string(let text) where text.hasPrefix("$base64(") && text.hasSuffix(")"):
                let name = String(text.dropFirst("$base64(".count).dropLast())
                guard let data = files[name] else { throw ExampleError(description: "\(self): no file \(name) in the shared directory") }
                return .string(data)
            case .array(let items): return .array(try items.map(expand))
            case .object(let members): return .object(try members.mapValues(expand))
            default: return value
            }
        }
        guard let object = JSONValue(jsonText: context)?.objectValue else {
            throw ExampleError(description: "\(self): its context is not a JSON object")
        }
        return try object.mapValues(expand)
    }

    /// The context key that carries the shared directory's files into the sandbox (removed before the block runs).
    static let filesKey = "__example_files__"
    /// The stderr line prefix under which the program reports the files it leaves in its working directory.
    static let filesMarker = "__example_files__ "

    /// The program run in the sandbox: writes the shared directory's files (from ``filesKey``) into the sandbox's
    /// working directory, runs the block, and at exit reports the directory's files on stderr after ``filesMarker``,
    /// so that the next block of the file sees them as on a shared disk. stdout is the block's alone.
    var sandboxProgram: String {
        """
        def _nova_shared_directory():
            import atexit, base64, json, os, sys
            for name, data in context.pop("\(Self.filesKey)", {}).items():
                with open(name, "wb") as file:
                    file.write(base64.b64decode(data))
            def report():
                names = [name for name in os.listdir(".") if os.path.isfile(name)]
                files = {name: base64.b64encode(open(name, "rb").read()).decode("ascii") for name in names}
                sys.stderr.write("\\n\(Self.filesMarker)" + json.dumps(files) + "\\n")
            atexit.register(report)
        _nova_shared_directory()
        del _nova_shared_directory

        """ + code
    }

    /// The files a run reported on `stderr` (see ``sandboxProgram``), nil when it reported none.
    static func reportedFiles(in stderr: String) -> [String: String]? {
        guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix(filesMarker) }),
            let object = JSONValue(jsonText: String(line.dropFirst(filesMarker.count)))?.objectValue
        else { return nil }
        return object.compactMapValues(\.stringValue)
    }

    /// An example that cannot be set up: a context that is not an object, or a `$base64(<file>)` of a file no earlier
    /// block of its file wrote.
    struct ExampleError: Error, CustomStringConvertible {
        let description: String
    }
}
