import NovaJSON

/// One run of candidate code in the sandbox followed by the output check of docs/api.md §4.4.
struct CodeRun: Sendable {
    /// Validated updates, or nil.
    let updates: [String: JSONValue]?
    /// Why the code was rejected, redacted; nil on success.
    let error: String?
    /// Whether the code ran but its output failed the check (rather than failing to run).
    var outputRejected = false
    /// Wall time of the run in milliseconds.
    let milliseconds: Double
    /// The sandbox's stdout, stderr and exit code, redacted; nil when the sandbox could not run the code.
    let output: CodeRunOutput?

    /// `_execution_metadata` and the `e2b_execution` step's output: ``output``, or `{}` when there is none.
    var executionMetadata: JSONValue {
        output.map { JSONValue(record: $0) } ?? .object([:])
    }

    /// Runs `code` for `request` and checks its output.
    static func run(_ code: String, for request: PromptNodeRequest, sandbox: any Sandbox, clock: ContinuousClock) async -> CodeRun {
        let started = clock.now
        let job = SandboxJob(
            code: code, context: request.context, kind: .generated, timeout: .seconds(request.node.timeout), network: request.network)
        do {
            let result = try await sandbox.run(job)
            let milliseconds = started.duration(to: clock.now).milliseconds
            let output = CodeRunOutput(
                stdout: request.redactor.redact(result.output.stdout.tail(2000)), stderr: request.redactor.redact(result.output.stderr.tail(2000)),
                exitCode: Self.exitCode(result.output.termination))
            switch result.outcome {
            case .failure(let failure):
                return CodeRun(updates: nil, error: request.redactor.redact(failure.message), milliseconds: milliseconds, output: output)
            case .success(let updates):
                let decision = request.node.kind == .decision ? request.node.id : nil
                if let rejection = OutputValidator.check(updates: updates, before: request.context, decisionNodeID: decision) {
                    return CodeRun(
                        updates: nil, error: rejection.description, outputRejected: true, milliseconds: milliseconds, output: output)
                }
                return CodeRun(updates: updates, error: nil, milliseconds: milliseconds, output: output)
            }
        } catch {
            return CodeRun(
                updates: nil, error: request.redactor.redact("sandbox failure: \(error)"),
                milliseconds: started.duration(to: clock.now).milliseconds,
                output: nil)
        }
    }

    private static func exitCode(_ termination: SandboxTermination) -> Int? {
        if case .exited(let status) = termination { return Int(status) }
        return nil
    }
}
