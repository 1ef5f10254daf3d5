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
    /// The sandbox's stdout, stderr and exit code for `_execution_metadata`, redacted.
    let executionMetadata: JSONValue

    /// Runs `code` for `request` and checks its output.
    static func run(_ code: String, for request: PromptNodeRequest, sandbox: any Sandbox, clock: ContinuousClock) async -> CodeRun {
        let started = clock.now
        let job = SandboxJob(
            code: code, context: request.context, kind: .generated, timeout: .seconds(request.node.timeout), network: request.network)
        do {
            let result = try await sandbox.run(job)
            let milliseconds = started.duration(to: clock.now).milliseconds
            let metadata = JSONValue.object([
                "stdout": .string(request.redactor.redact(result.output.stdout.tail(2000))),
                "stderr": .string(request.redactor.redact(result.output.stderr.tail(2000))),
                "exit_code": Self.exitCode(result.output.termination),
            ])
            switch result.outcome {
            case .failure(let failure):
                return CodeRun(updates: nil, error: request.redactor.redact(failure.message), milliseconds: milliseconds, executionMetadata: metadata)
            case .success(let updates):
                let decision = request.node.kind == .decision ? request.node.id : nil
                if let rejection = OutputValidator.check(updates: updates, before: request.context, decisionNodeID: decision) {
                    return CodeRun(
                        updates: nil, error: rejection.description, outputRejected: true, milliseconds: milliseconds, executionMetadata: metadata)
                }
                return CodeRun(updates: updates, error: nil, milliseconds: milliseconds, executionMetadata: metadata)
            }
        } catch {
            return CodeRun(
                updates: nil, error: request.redactor.redact("sandbox failure: \(error)"),
                milliseconds: started.duration(to: clock.now).milliseconds,
                executionMetadata: .object([:]))
        }
    }

    private static func exitCode(_ termination: SandboxTermination) -> JSONValue {
        if case .exited(let status) = termination { return .int(Int(status)) }
        return .null
    }
}
