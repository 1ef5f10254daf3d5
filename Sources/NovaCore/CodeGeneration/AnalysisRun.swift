import NovaJSON

/// One run of analysis code (generation stage 2) in the sandbox: it receives only the keys the ``DataAnalysisPlan``
/// chose — never credentials — without network, and its context updates are dropped; only the printed `insights`
/// are kept, each passed through the execution's secret redactor and truncated.
struct AnalysisRun: Sendable {
    /// Findings kept at most.
    static let maxInsights = 10
    /// Characters kept of each finding.
    static let insightCharacters = 300

    /// The redacted, truncated findings; empty when the run failed or printed none.
    let insights: [String]
    /// Why the run gave no insights; nil on success.
    let error: String?
    /// Whether the program ran to a success result (even with no insights).
    let executed: Bool
    /// Wall time in milliseconds.
    let milliseconds: Double
    /// Redacted stdout and stderr, nil when the sandbox could not run the code.
    let output: AnalysisRunOutput?

    /// The `analysis_execution` step's output: ``output``, or `{}` when there is none.
    var executionMetadata: JSONValue {
        output.map { JSONValue(record: $0) } ?? .object([:])
    }

    /// Runs `code` over `plan`'s keys of `request`'s context.
    static func run(_ code: String, plan: DataAnalysisPlan, for request: PromptNodeRequest, sandbox: any Sandbox, clock: ContinuousClock) async
        -> AnalysisRun
    {
        let started = clock.now
        let data = request.context.filter { plan.reasons[$0.key] != nil }
        let job = SandboxJob(code: code, context: data, kind: .generated, timeout: .seconds(request.node.timeout), network: .none)
        do {
            let result = try await sandbox.run(job)
            let milliseconds = started.duration(to: clock.now).milliseconds
            let output = AnalysisRunOutput(
                stdout: request.redactor.redact(result.output.stdout.tail(2000)), stderr: request.redactor.redact(result.output.stderr.tail(2000)))
            switch result.outcome {
            case .failure(let failure):
                return AnalysisRun(
                    insights: [], error: request.redactor.redact(failure.message), executed: false, milliseconds: milliseconds,
                    output: output)
            case .success(let updates):
                let insights = findings(in: updates).prefix(maxInsights).map { String(request.redactor.redact($0).prefix(insightCharacters)) }
                return AnalysisRun(
                    insights: insights, error: insights.isEmpty ? "the analysis printed no insights" : nil, executed: true,
                    milliseconds: milliseconds,
                    output: output)
            }
        } catch {
            return AnalysisRun(
                insights: [], error: request.redactor.redact("sandbox failure: \(error)"), executed: false,
                milliseconds: started.duration(to: clock.now).milliseconds, output: nil)
        }
    }

    /// `context_updates.insights` as strings (a list, or one string); other updates are ignored.
    private static func findings(in updates: [String: JSONValue]) -> [String] {
        switch updates["insights"] {
        case .array(let items)?: items.map { $0.stringValue ?? $0.jsonText }.filter { !$0.isEmpty }
        case .string(let text)? where !text.isEmpty: [text]
        default: []
        }
    }
}
