/// How node code is isolated from nova and the machine (`SANDBOX_ISOLATION`, `sandbox_mode` in `/health/components`).
package enum SandboxMode: String, Sendable, Hashable, CaseIterable {
    /// bubblewrap: new user, PID, mount, IPC, UTS and network namespaces, only the system directories visible; needs
    /// unprivileged user namespaces, which Docker's default seccomp profile and many hosts forbid.
    case namespaces
    /// The node process restricts itself before the code runs: Landlock (read-only system directories and virtual
    /// environment, one writable scratch directory, no TCP, no signals or abstract sockets outside the sandbox) and a
    /// seccomp filter (no sockets, ptrace, mounts, namespaces, process groups or kernel-facing calls). Works as an
    /// unprivileged user inside an ordinary container; node code gets no network.
    case landlock
    /// rlimits, the timeout and the output caps only: the code can read and write whatever its user can and reach
    /// any network. Only when chosen explicitly (`SANDBOX_ISOLATION=rlimits-only`).
    case rlimitsOnly = "rlimits-only"
}
