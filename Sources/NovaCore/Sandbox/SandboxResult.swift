/// What a sandbox run produced: the contract's verdict and the raw output it was drawn from.
package struct SandboxResult: Sendable, Hashable {
    /// Success with context updates, or a user-code failure.
    package var outcome: SandboxOutcome
    /// Termination and captured streams, for logs, metrics and redacted reports.
    package var output: SandboxOutput

    /// Creates a result.
    package init(outcome: SandboxOutcome, output: SandboxOutput) {
        self.outcome = outcome
        self.output = output
    }
}
