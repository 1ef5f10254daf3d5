import Foundation
import NovaJSON

/// Checks syntax with `ast.parse` in one `python3 -I` subprocess per call (all sources in one run), killed after a
/// timeout. The code is parsed, never executed.
package struct ProcessPythonSyntaxChecker: PythonSyntaxChecker {
    private let interpreter: String
    private let timeoutSeconds: Double

    /// Uses `interpreter` (a path, or a name looked up in `PATH`; default `python3`).
    package init(interpreter: String = "python3", timeoutSeconds: Double = 10) {
        self.interpreter = interpreter
        self.timeoutSeconds = timeoutSeconds
    }

    /// Reads a JSON list of sources on stdin, prints a JSON list of null or `<message> (line <n>)`.
    private static let script = """
        import ast, json, sys
        answers = []
        for source in json.load(sys.stdin):
            try:
                ast.parse(source)
                answers.append(None)
            except SyntaxError as error:
                answers.append(f"{error.msg} (line {error.lineno})")
            except (ValueError, RecursionError, MemoryError) as error:
                answers.append(str(error) or type(error).__name__)
        print(json.dumps(answers))
        """

    /// One answer per source, in order: nil when it parses, else the error (`<message> (line <n>)`).
    /// Throws ``PythonSyntaxCheckError`` when the check itself cannot run.
    package func syntaxErrors(in sources: [String]) async throws -> [String?] {
        guard !sources.isEmpty else { return [] }
        let input = Data(JSONValue.array(sources.map(JSONValue.string)).jsonText.utf8)
        let output = try await run(input: input)
        guard let answers = JSONValue(jsonText: output)?.arrayValue, answers.count == sources.count else {
            throw PythonSyntaxCheckError("python3 gave an unreadable answer to the syntax check")
        }
        return answers.map(\.stringValue)
    }

    /// Writing to an interpreter that exited must be an error, not a SIGPIPE that ends the service.
    private static let ignoreBrokenPipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private func run(input: Data) async throws -> String {
        Self.ignoreBrokenPipe
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter, "-I", "-c", Self.script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let timeout = timeoutSeconds
        let name = interpreter
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: PythonSyntaxCheckError("cannot start \(name): \(error)"))
                    return
                }
                let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
                try? stdin.fileHandleForWriting.write(contentsOf: input)
                try? stdin.fileHandleForWriting.close()
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                killer.cancel()
                guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                    let why =
                        process.terminationReason == .uncaughtSignal ? "was stopped after \(timeout) s" : "exited with \(process.terminationStatus)"
                    continuation.resume(throwing: PythonSyntaxCheckError("the syntax check with \(name) \(why)"))
                    return
                }
                continuation.resume(returning: String(decoding: output, as: UTF8.self))
            }
        }
    }
}
