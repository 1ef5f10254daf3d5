import NovaJSON

/// One run of node code: the code, the context it receives as the global dict `context`, and its limits.
package struct SandboxJob: Sendable {
    /// Python 3 source.
    package var code: String
    /// The whole workflow context, with real secret values (the sandbox is the one place that sees them, D4).
    package var context: [String: JSONValue]
    /// Hand-written or generated, which decides the context print (docs/api.md §3.9).
    package var kind: SandboxCodeKind
    /// Wall-clock limit; past it the sandbox's processes are killed (node `timeout`, 1...300 s, default 60).
    package var timeout: Duration
    /// Internet (default) or no network.
    package var network: SandboxNetwork
    /// rlimits, output caps and `/tmp` size.
    package var limits: SandboxLimits

    /// Creates a job.
    package init(
        code: String,
        context: [String: JSONValue],
        kind: SandboxCodeKind,
        timeout: Duration = .seconds(60),
        network: SandboxNetwork = .internet,
        limits: SandboxLimits = .standard
    ) {
        self.code = code
        self.context = context
        self.kind = kind
        self.timeout = timeout
        self.network = network
        self.limits = limits
    }

    /// Whether the runner prints the whole `context` after the code: hand-written code that prints neither `print(`
    /// nor `json.dumps`.
    package var printsContextAfterCode: Bool {
        kind == .handWritten && !code.contains("print(") && !code.contains("json.dumps")
    }
}
