import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The local sandbox: `python3` isolated in one of the ``SandboxMode``s, with rlimits, a wall-clock timeout and
/// capped output (docs/api.md §3.9, docs/sandbox.md).
///
/// ``SandboxMode/namespaces``: new user, PID (the prelude is its PID 1), IPC, UTS, cgroup and network namespaces;
/// only the system directories (`/usr`, `/etc`, `/lib*`) and the configured read-only paths are visible, read-only;
/// private size-limited tmpfs `/tmp` and `/dev/shm` are the only writable places; new session, killed with Nova
/// (`--die-with-parent`). Network: ``SandboxNetwork/none`` is the empty namespace; ``SandboxNetwork/internet``
/// attaches slirp4netns with `--disable-host-loopback` and makes the host's own addresses unreachable.
/// ``SandboxMode/landlock``: no namespaces; the prelude confines itself (``PythonConfinement``) in a scratch
/// directory of its own; given a ``SandboxEgress``, an internet job reaches the internet through that proxy only,
/// else it gets no network. When Nova runs as root the code runs as
/// ``SandboxConfiguration/unprivilegedUser`` (`setpriv`) in every mode. The timeout is kept by the sandbox's own
/// thread with the monotonic clock.
///
/// Construction probes once: that the interpreter starts at all, then the modes ``SandboxConfiguration/isolation``
/// allows, strongest first (with `/usr/bin/python3` when the interpreter cannot start: runs then fail as
/// infrastructure failures, counted by the circuit breaker, until it can). Where none works, ``status`` is refused and every run throws ``SandboxRefusedError``:
/// isolation never silently falls back to rlimits only. When Nova is root and the unprivileged user cannot reach a
/// read-only path (the virtual environment under root's 0700 home, say), nothing runs either: the status names the
/// directory in the way.
package struct ProcessSandbox: Sandbox {
    /// The mode in force and what is missing, found by the probe.
    package let status: SandboxStatus
    let configuration: SandboxConfiguration
    let system: SystemDirectories
    let dropPrivileges: Bool
    let hasInternet: Bool
    /// The proxy internet jobs use under Landlock.
    let egress: (any SandboxEgress)?

    /// Probes the interpreter and the allowed modes with a trivial program (a few hundred milliseconds) and keeps the
    /// strongest that works. `egress` is the proxy that gives internet jobs network in ``SandboxMode/landlock``.
    package init(configuration: SandboxConfiguration, egress: (any SandboxEgress)? = nil) async {
        let candidate = ProcessSandbox(
            status: .enforced(.rlimitsOnly), configuration: configuration, system: SystemDirectories(),
            dropPrivileges: geteuid() == 0, hasInternet: false, egress: egress
        )
        let user = configuration.unprivilegedUser
        let unreachable = configuration.readOnlyPaths.lazy.compactMap { path in user.unsearchableDirectory(onPathTo: path).map { (path, $0) } }
        if candidate.dropPrivileges, let (path, directory) = unreachable.first {
            self = candidate.with(
                .refused(
                    "the sandbox user (uid \(user.uid)) cannot reach \(path): it may not search \(directory); node code cannot start "
                        + "until it can (chmod o+x \(directory)) or the virtual environment (NOVA_SANDBOX_VENV) lies where it can"))
        } else if let problem = await candidate.probe(.none) {
            var system = configuration
            system.interpreter = "/usr/bin/python3"
            let probed = await candidate.with(candidate.status, configuration: system).strongestMode()
            let reason = "the interpreter \(configuration.interpreter) cannot start (\(problem)); every node fails until it can"
            let status = SandboxStatus(mode: probed.status.mode, reason: [reason, probed.status.reason].compactMap { $0 }.joined(separator: "; "))
            self = probed.with(status, hasInternet: probed.hasInternet, configuration: configuration)
        } else {
            self = await candidate.strongestMode()
        }
    }

    private init(
        status: SandboxStatus, configuration: SandboxConfiguration, system: SystemDirectories, dropPrivileges: Bool, hasInternet: Bool,
        egress: (any SandboxEgress)?
    ) {
        self.status = status
        self.configuration = configuration
        self.system = system
        self.dropPrivileges = dropPrivileges
        self.hasInternet = hasInternet
        self.egress = egress
    }

    /// This sandbox with another status, internet or not, and (when given) another configuration.
    func with(_ status: SandboxStatus, hasInternet: Bool = false, configuration: SandboxConfiguration? = nil) -> ProcessSandbox {
        ProcessSandbox(
            status: status, configuration: configuration ?? self.configuration, system: system, dropPrivileges: dropPrivileges,
            hasInternet: hasInternet, egress: egress)
    }

    /// Runs `job` in a fresh sandbox. Throws ``SandboxInfrastructureError`` when the sandbox could not be set up, and
    /// `CancellationError` when the task was cancelled (the sandbox is killed at once).
    package func run(_ job: SandboxJob) async throws -> SandboxResult {
        try Task.checkCancellation()
        guard let mode = status.mode else { throw SandboxRefusedError(status.reason ?? "no isolation mode works here") }
        let pass =
            mode == .landlock && hasInternet && job.network == .internet
            ? egress.map { EgressPass(port: $0.port, credential: $0.admit(run: Self.runName())) } : nil
        defer { if let pass { egress?.revoke(pass.credential) } }
        let isolation: SandboxLaunch.Isolation =
            switch mode {
            case .namespaces: .bubblewrap(hasInternet ? job.network : .none)
            case .landlock: .landlock(pass)
            case .rlimitsOnly: .rlimitsOnly
            }
        let owner = dropPrivileges ? configuration.unprivilegedUser : nil
        let scratch = mode == .namespaces ? nil : try ScratchDirectory(under: configuration.scratchRoot, owner: owner)
        defer { scratch?.remove() }
        let launch = SandboxLaunch(
            job: job, isolation: isolation, configuration: configuration, system: system, dropPrivileges: dropPrivileges, scratch: scratch?.path)
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

    /// The name a run has in the egress proxy's log: `sandbox-` and eight random hexadecimal digits.
    private static func runName() -> String {
        "sandbox-" + String(UInt32.random(in: .min ... .max), radix: 16)
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
    func probe(_ network: SandboxNetwork) async -> String? {
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
            return failure.message.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let error as SandboxInfrastructureError {
            return error.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            return "\(error)"
        }
    }
}
