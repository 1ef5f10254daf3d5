/// The raw outcome of a run — termination and captured streams — before the program contract is applied.
///
/// Callers that must redact secrets from what they show or store use these parts (or ``SandboxFailure``'s).
package struct SandboxOutput: Sendable, Hashable {
    /// How the program ended.
    package var termination: SandboxTermination
    /// Standard output, capped.
    package var stdout: CapturedStream
    /// Standard error, capped.
    package var stderr: CapturedStream
    /// Wall-clock time from spawning the sandbox to its end.
    package var duration: Duration

    /// Creates an output.
    package init(termination: SandboxTermination, stdout: CapturedStream, stderr: CapturedStream, duration: Duration) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
        self.duration = duration
    }
}
