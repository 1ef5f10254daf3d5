/// Who wrote the code, which decides whether the runner prints the context for it (docs/api.md §3.9).
package enum SandboxCodeKind: Sendable, Hashable {
    /// Hand-written node code (executor `e2b`): when it prints neither `print(` nor `json.dumps`, the runner prints the
    /// whole `context` after it, so code that only changes `context` still works.
    case handWritten
    /// Generated, cached or analysis code, which must print its own result object.
    case generated
}
