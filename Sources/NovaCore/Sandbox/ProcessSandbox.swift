import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The local sandbox: `python3` under bubblewrap with rlimits, a wall-clock timeout and capped output (docs/api.md §3.9).
///
/// Isolation: new user, PID (the prelude is its PID 1), IPC, UTS, cgroup and network namespaces; only the system directories (`/usr`, `/etc`,
/// `/lib*`) and the configured read-only paths are visible, read-only; private size-limited tmpfs `/tmp` and
/// `/dev/shm` are the only writable places; new session, killed with Nova (`--die-with-parent`). When Nova runs as
/// root the sandbox runs as ``SandboxConfiguration/unprivilegedUser`` (`setpriv`), so root-only files such as
/// `/etc/shadow` stay closed. Network: ``SandboxNetwork/none`` is the empty namespace; ``SandboxNetwork/internet``
/// attaches slirp4netns with `--disable-host-loopback` and makes the host's own addresses unreachable, so services
/// on the host are out of reach. The timeout is kept by the sandbox's own thread with the monotonic clock.
///
/// Construction probes both modes once. Where bubblewrap cannot run, runs fall back to rlimits only and ``status``
/// is ``SandboxStatus/degraded(reason:)``; where only slirp4netns fails, internet jobs run without network and the
/// status says so. When Nova is root and the unprivileged user cannot reach a read-only path (the virtual
/// environment under root's 0700 home, say), no probe runs: the status names the directory in the way.
package struct ProcessSandbox: Sandbox {
    /// Enforced, or degraded with the reason found by the probe.
    package let status: SandboxStatus
    private let configuration: SandboxConfiguration
    private let system: SystemDirectories
    private let dropPrivileges: Bool
    private let isolated: Bool
    private let hasInternet: Bool

    /// Probes bubblewrap and slirp4netns with a trivial program (a few hundred milliseconds) and keeps what works.
    package init(configuration: SandboxConfiguration) async {
        let candidate = ProcessSandbox(
            status: .enforced, configuration: configuration, system: SystemDirectories(),
            dropPrivileges: geteuid() == 0, isolated: true, hasInternet: true
        )
        let user = configuration.unprivilegedUser
        let unreachable = configuration.readOnlyPaths.lazy.compactMap { path in user.unsearchableDirectory(onPathTo: path).map { (path, $0) } }
        if candidate.dropPrivileges, let (path, directory) = unreachable.first {
            self = candidate.degraded(
                isolated: true, hasInternet: false,
                reason: "the sandbox user (uid \(user.uid)) cannot reach \(path): it may not search \(directory); node code cannot start "
                    + "until it can (chmod o+x \(directory)) or the virtual environment (NOVA_SANDBOX_VENV) lies where it can"
            )
        } else if let problem = await candidate.probe(.none) {
            self = candidate.degraded(
                isolated: false, hasInternet: false,
                reason: "bubblewrap cannot run here (\(problem)); code runs with rlimits only, without namespaces or network isolation"
            )
        } else if let problem = await candidate.probe(.internet) {
            self = candidate.degraded(
                isolated: true, hasInternet: false,
                reason: "slirp4netns cannot attach a network (\(problem)); nodes asking for internet run without network"
            )
        } else {
            self = candidate
        }
    }

    private init(
        status: SandboxStatus, configuration: SandboxConfiguration, system: SystemDirectories,
        dropPrivileges: Bool, isolated: Bool, hasInternet: Bool
    ) {
        self.status = status
        self.configuration = configuration
        self.system = system
        self.dropPrivileges = dropPrivileges
        self.isolated = isolated
        self.hasInternet = hasInternet
    }

    private func degraded(isolated: Bool, hasInternet: Bool, reason: String) -> ProcessSandbox {
        ProcessSandbox(
            status: .degraded(reason: reason), configuration: configuration, system: system,
            dropPrivileges: dropPrivileges, isolated: isolated, hasInternet: hasInternet
        )
    }

    /// Runs `job` in a fresh sandbox. Throws ``SandboxInfrastructureError`` when the sandbox could not be set up, and
    /// `CancellationError` when the task was cancelled (the sandbox is killed at once).
    package func run(_ job: SandboxJob) async throws -> SandboxResult {
        try Task.checkCancellation()
        let isolation: SandboxLaunch.Isolation = isolated ? .bubblewrap(hasInternet ? job.network : .none) : .rlimitsOnly
        let launch = SandboxLaunch(job: job, isolation: isolation, configuration: configuration, system: system, dropPrivileges: dropPrivileges)
        let session = try SandboxSession(job: job, launch: launch, configuration: configuration)
        let ending = try await withTaskCancellationHandler {
            try await session.ending().get()
        } onCancel: {
            session.stop(.cancelled)
        }
        let output = SandboxOutput(
            termination: try termination(of: ending, isolation: isolation, timeout: job.timeout),
            stdout: ending.stdout,
            stderr: ending.stderr,
            duration: ending.duration
        )
        return SandboxResult(outcome: SandboxOutputParser.outcome(of: output), output: output)
    }

    private func termination(of ending: SandboxSession.Ending, isolation: SandboxLaunch.Isolation, timeout: Duration) throws -> SandboxTermination {
        if ending.stopReason == .cancelled { throw CancellationError() }
        guard ending.interpreterStarted else {
            if ending.stopReason == .timedOut { throw SandboxInfrastructureError("the sandbox did not start within \(timeout)") }
            throw SandboxInfrastructureError("the interpreter did not start: \(ending.stderr.tail(SandboxFailure.quotedBytes))")
        }
        if ending.stopReason == .timedOut { return .timedOut(timeout) }
        let status = ending.waitStatus
        guard status & 0x7f == 0 else { return .signaled(status & 0x7f) }
        let code = (status >> 8) & 0xff
        if case .bubblewrap = isolation, code > 128 { return .signaled(code - 128) }
        return .exited(code)
    }

    /// Runs a program that prints an empty result in `network` mode; nil when it succeeded, else what went wrong.
    private func probe(_ network: SandboxNetwork) async -> String? {
        let job = SandboxJob(
            code: #"print('{"status": "success", "context_updates": {}}')"#,
            context: [:],
            kind: .generated,
            timeout: .seconds(10),
            network: network
        )
        do {
            let result = try await run(job)
            guard case .failure(let failure) = result.outcome else { return nil }
            return failure.message
        } catch let error as SandboxInfrastructureError {
            return error.reason
        } catch {
            return "\(error)"
        }
    }
}
