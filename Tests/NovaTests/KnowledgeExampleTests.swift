import Foundation
import NovaJSON
import Testing

/// Every python example in knowledge/ runs (or, marked `no-run`, at least compiles) with the sandbox's python, and
/// a node-style example prints a result line the sandbox accepts (knowledge/README.md, "Examples are tested"). A
/// block whose import is missing is skipped with a printed reason, unless the sandbox environment itself is used.
@Suite("Knowledge base examples")
struct KnowledgeExampleTests {
    /// The Markdown files of the repository's knowledge folder, relative to it.
    static let files: [String] = {
        let root = TestEnvironment.repository.appendingPathComponent("knowledge")
        let all = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test("the knowledge folder has the node contract and a note for each sandbox library")
    func coverage() {
        for file in [
            "nova/node-contract.md", "integrations/pdf.md", "integrations/csv.md", "integrations/xlsx.md", "integrations/http.md",
            "integrations/postgres.md", "integrations/imap.md", "integrations/smtp.md", "integrations/regex.md",
        ] {
            #expect(Self.files.contains(file), "missing \(file)")
        }
    }

    @Test("every python block of the file runs, in order, in one working directory", arguments: files)
    func examples(file: String) async throws {
        let text = try String(
            contentsOf: TestEnvironment.repository.appendingPathComponent("knowledge").appendingPathComponent(file), encoding: .utf8)
        let examples = PythonExample.blocks(in: text, file: file)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nova-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let python = PythonProcess.interpreter
        for example in examples {
            let script = directory.appendingPathComponent("example_\(example.number).py")
            try example.program.write(to: script, atomically: true, encoding: .utf8)
            let compiled = try await PythonProcess.run(["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", script.path], in: directory)
            #expect(compiled.status == 0, "\(example) does not compile: \(compiled.stderr)")
            if let reason = example.noRun {
                print("knowledge example \(example): compiled, not run (\(reason))")
                continue
            }
            let missing = try await missingModules(example.modules, in: directory)
            if !missing.isEmpty {
                #expect(!python.isSandboxEnvironment, "\(example) imports \(missing), which the sandbox environment lacks")
                print("knowledge example \(example): SKIPPED, \(python.path) has no module \(missing.joined(separator: ", "))")
                continue
            }
            let outcome = try await PythonProcess.run([script.path], in: directory, environment: ["NOVA_EXAMPLE_CONTEXT": example.context])
            #expect(!outcome.timedOut, "\(example) timed out")
            #expect(outcome.status == 0, "\(example) failed:\n\(outcome.stderr)")
            checkResultLine(outcome.stdout, of: example)
            print("knowledge example \(example): ran with \(python.path)")
        }
    }

    /// A last output line that starts like a node result (`{"status"`) must be one the sandbox accepts.
    private func checkResultLine(_ stdout: String, of example: PythonExample) {
        guard let last = stdout.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }), last.hasPrefix("{\"status\"") else { return }
        guard let result = JSONValue(jsonText: String(last))?.objectValue else {
            Issue.record("\(example) prints a result line that is not a JSON object: \(last)")
            return
        }
        switch result["status"] {
        case .string("success")?:
            #expect(result["context_updates"]?.objectValue != nil, "\(example): success without a context_updates object")
        case .string("error")?:
            #expect(result["message"]?.stringValue != nil, "\(example): error without a message")
        default:
            Issue.record("\(example): result line without status success or error: \(last)")
        }
    }

    private func missingModules(_ modules: [String], in directory: URL) async throws -> [String] {
        guard !modules.isEmpty else { return [] }
        let check = "import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"
        let outcome = try await PythonProcess.run(["-c", check] + Array(Set(modules)).sorted(), in: directory)
        return outcome.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
