/// Runs one piece of Python node code in a fresh, isolated process under the program contract (docs/api.md §3.9).
///
/// `run` returns user-code failures (timeout, non-zero exit, `status: error`, no JSON object) inside the result and
/// throws ``SandboxInfrastructureError`` only when the sandbox itself could not be set up or broke — the distinction a
/// circuit breaker needs (D28). A cancelled task's sandbox is killed and `run` throws `CancellationError`.
package protocol Sandbox: Sendable {
    /// Whether isolation is enforced or the sandbox fell back to rlimits only, for `/health/components`.
    var status: SandboxStatus { get }

    /// Runs `job` to completion, timeout or cancellation.
    func run(_ job: SandboxJob) async throws -> SandboxResult
}
