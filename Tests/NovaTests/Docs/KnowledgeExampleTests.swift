import Foundation
import NovaCore
import NovaJSON
import Testing

/// Every python example in knowledge/ runs in the real sandbox (`ProcessSandbox`: bubblewrap, the sandbox's virtual
/// environment, no network) or, marked `no-run`, at least compiles; a node-style example's result line is judged by
/// the sandbox's own output parser (knowledge/README.md, "Examples are tested"). A block whose import is missing is
/// skipped with a printed reason, unless the sandbox environment itself is used (as in CI, where scripts/test.sh makes
/// it).
@Suite("Knowledge base examples")
struct KnowledgeExampleTests {
    /// The Markdown files of the repository's knowledge folder, relative to it.
    static let files: [String] = {
        let root = TestEnvironment.repository.appendingPathComponent("knowledge")
        let all = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".md") }.sorted()
    }()

    /// One sandbox over the environment ``PythonProcess/interpreter`` uses, probed once for every file.
    private static let probed = Task {
        let python = PythonProcess.interpreter
        let venv = python.isSandboxEnvironment ? URL(fileURLWithPath: python.path).deletingLastPathComponent().deletingLastPathComponent() : nil
        return await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: venv))
    }

    @Test("the knowledge folder has the node contract and a note for each sandbox library")
    func coverage() {
        for file in [
            "nova/node-contract.md", "integrations/pdf.md", "integrations/csv.md", "integrations/xlsx.md", "integrations/http.md",
            "integrations/postgres.md", "integrations/imap.md", "integrations/smtp.md", "integrations/regex.md",
        ] {
            #expect(Self.files.contains(file), "missing \(file)")
        }
    }

    @Test("every python block of the file runs in the sandbox, in order, sharing the files it writes", arguments: files)
    func examples(file: String) async throws {
        let text = try String(
            contentsOf: TestEnvironment.repository.appendingPathComponent("knowledge").appendingPathComponent(file), encoding: .utf8)
        let examples = PythonExample.blocks(in: text, file: file)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nova-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let python = PythonProcess.interpreter
        let sandbox = await Self.probed.value
        #expect(sandbox.status == .enforced(.namespaces), "the sandbox is \(sandbox.status)")
        var sharedFiles: [String: String] = [:]
        for example in examples {
            let script = directory.appendingPathComponent("example_\(example.number).py")
            try example.code.write(to: script, atomically: true, encoding: .utf8)
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
            var context = try example.sandboxContext(files: sharedFiles)
            context[PythonExample.filesKey] = .object(sharedFiles.mapValues(JSONValue.string))
            let result = try await sandbox.run(
                SandboxJob(code: example.sandboxProgram, context: context, kind: .generated, timeout: .seconds(60), network: .none))
            let stderr = result.output.stderr.text
            #expect(result.output.termination == .exited(0), "\(example) failed in the sandbox (\(result.output.termination)):\n\(stderr)")
            sharedFiles = PythonExample.reportedFiles(in: stderr) ?? sharedFiles
            checkResultLine(result, of: example)
            print("knowledge example \(example): ran in the sandbox (\(sandbox.status.name)) with \(python.path)")
        }
    }

    /// A last output line that starts like a node result (`{"status"`) must be one the sandbox's parser accepts: a
    /// success with a `context_updates` object, or a reported error with a message.
    private func checkResultLine(_ result: SandboxResult, of example: PythonExample) {
        let stdout = result.output.stdout.text
        guard let last = stdout.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }), last.hasPrefix("{\"status\"") else { return }
        switch result.outcome {
        case .success:
            #expect(JSONValue(jsonText: String(last))?["context_updates"]?.objectValue != nil, "\(example): success without a context_updates object")
        case .failure(let failure):
            guard case .reportedError(let message) = failure.cause else {
                Issue.record("\(example): the sandbox rejects its result line (\(failure.summary)): \(last)")
                return
            }
            #expect(message != "(no message)", "\(example): error without a message")
        }
    }

    private func missingModules(_ modules: [String], in directory: URL) async throws -> [String] {
        guard !modules.isEmpty else { return [] }
        let check = "import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"
        let outcome = try await PythonProcess.run(["-c", check] + Array(Set(modules)).sorted(), in: directory)
        return outcome.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
