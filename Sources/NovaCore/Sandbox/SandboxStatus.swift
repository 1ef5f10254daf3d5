/// How much of the sandbox's isolation is in force on this machine (`sandbox`, `sandbox_mode` and `sandbox_reason`
/// in `/health/components`).
package struct SandboxStatus: Sendable, Hashable {
    /// The mode node code runs in; nil when no acceptable mode works here and node code is refused.
    package var mode: SandboxMode?
    /// What is missing on this machine and what the sandbox does instead; nil when nothing is.
    package var reason: String?

    /// Creates a status.
    package init(mode: SandboxMode?, reason: String? = nil) {
        self.mode = mode
        self.reason = reason
    }

    /// Isolation is in force (`mode`), with `reason` saying what is missing, if anything (internet, say).
    package static func enforced(_ mode: SandboxMode, reason: String? = nil) -> SandboxStatus {
        SandboxStatus(mode: mode, reason: reason)
    }

    /// No acceptable isolation works here: every run throws ``SandboxRefusedError`` with `reason`.
    package static func refused(_ reason: String) -> SandboxStatus {
        SandboxStatus(mode: nil, reason: reason)
    }

    /// `enforced` (namespaces or Landlock), `degraded` (rlimits only, accepted by the configuration) or `refused`.
    package var name: String {
        switch mode {
        case .namespaces, .landlock: "enforced"
        case .rlimitsOnly: "degraded"
        case nil: "refused"
        }
    }
}
