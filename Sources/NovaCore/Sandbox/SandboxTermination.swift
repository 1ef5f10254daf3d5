/// How the sandboxed program ended.
package enum SandboxTermination: Sendable, Hashable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it (a limit: `SIGXCPU` for CPU time, `SIGKILL`, `SIGSEGV`, …).
    case signaled(Int32)
    /// It was still running at the job's timeout and was killed.
    case timedOut(Duration)
}
