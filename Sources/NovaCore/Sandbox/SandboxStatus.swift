/// How much of the sandbox's isolation is in force on this machine (shown as `sandbox` in `/health/components`).
package enum SandboxStatus: Sendable, Hashable {
    /// bubblewrap isolation (namespaces, read-only root, private `/tmp`) and every network mode work.
    case enforced
    /// Something is missing; `reason` says what and what the sandbox does instead.
    case degraded(reason: String)

    /// `"enforced"` or `"degraded"`, the word for a health report.
    package var name: String {
        switch self {
        case .enforced: "enforced"
        case .degraded: "degraded"
        }
    }
}
