/// Choosing the mode at construction: the strongest that ``SandboxConfiguration/isolation`` allows and that works
/// on this machine, or a refusal naming what each one lacks.
extension ProcessSandbox {
    /// What a probed mode gave.
    private enum Probed {
        /// The mode works; the sandbox runs in it.
        case works(ProcessSandbox)
        /// The mode cannot run here, for this reason.
        case fails(String)
    }

    /// The reason shown while ``SandboxMode/rlimitsOnly`` is in force.
    static let rlimitsOnlyReason =
        "SANDBOX_ISOLATION=rlimits-only: node code runs with rlimits, the timeout and the output caps only, as nova's user (nobody when nova "
        + "is root): it can read and write whatever that user can and reach any network, nova's database, Redis and nova-rag included"

    /// This sandbox in the strongest allowed mode that works, else refused.
    func strongestMode() async -> ProcessSandbox {
        let refusal = "node code is refused; SANDBOX_ISOLATION=rlimits-only runs it with rlimits only, without isolation"
        switch configuration.isolation {
        case .rlimitsOnly:
            return with(.enforced(.rlimitsOnly, reason: Self.rlimitsOnlyReason))
        case .namespaces:
            switch await namespaces() {
            case .works(let sandbox): return sandbox
            case .fails(let problem): return with(.refused("SANDBOX_ISOLATION=namespaces, but \(problem); \(refusal)"))
            }
        case .landlock:
            switch await landlock(instead: nil) {
            case .works(let sandbox): return sandbox
            case .fails(let problem): return with(.refused("SANDBOX_ISOLATION=landlock, but \(problem); \(refusal)"))
            }
        case nil:
            let withoutNamespaces: String
            switch await namespaces() {
            case .works(let sandbox): return sandbox
            case .fails(let problem): withoutNamespaces = problem
            }
            switch await landlock(instead: withoutNamespaces) {
            case .works(let sandbox): return sandbox
            case .fails(let problem): return with(.refused("no isolation can be enforced here: \(withoutNamespaces); \(problem); \(refusal)"))
            }
        }
    }

    /// bubblewrap without network, then with slirp4netns.
    private func namespaces() async -> Probed {
        let isolated = with(.enforced(.namespaces), hasInternet: true)
        if let problem = await isolated.probe(.none) { return .fails("bubblewrap cannot run here (\(problem))") }
        if let problem = await isolated.probe(.internet) {
            let reason = "slirp4netns cannot attach a network (\(problem)); nodes asking for internet run without network"
            return .works(with(.enforced(.namespaces, reason: reason)))
        }
        return .works(isolated)
    }

    /// Landlock and seccomp, with internet through the egress proxy when there is one and the kernel can limit TCP
    /// (ABI 4); `instead` is why namespaces were not taken, if they were tried.
    private func landlock(instead withoutNamespaces: String?) async -> Probed {
        let confined = with(.enforced(.landlock))
        if let problem = await confined.probe(.none) { return .fails("Landlock and seccomp cannot confine node code here (\(problem))") }
        let abi = await confined.landlockABI()
        let network: String
        var hasInternet = false
        if egress == nil {
            network = "it gets no network (nodes asking for internet run without it)"
        } else if let problem = await with(.enforced(.landlock), hasInternet: true).probe(.internet) {
            network = "it gets no network: the egress proxy cannot be reached under Landlock (\(problem)); nodes asking for internet run without it"
        } else {
            network = "nodes asking for internet reach public addresses through nova's egress proxy only"
            hasInternet = true
        }
        var reason =
            (withoutNamespaces.map { "\($0): " } ?? "SANDBOX_ISOLATION=landlock: ")
            + "node code is confined by Landlock and seccomp instead of namespaces: \(network), sees nova's processes without being able to "
            + "read or trace them, and its scratch directory has no size limit"
        if !dropPrivileges, let abi, abi < 6 {
            reason += "; Landlock ABI \(abi) (before Linux 6.12) cannot scope signals, so node code, running as nova's user, can signal nova"
        }
        return .works(with(.enforced(.landlock, reason: reason), hasInternet: hasInternet))
    }

    /// The kernel's Landlock ABI version, asked from inside the confined sandbox.
    private func landlockABI() async -> Int? {
        let code = """
            import ctypes, json
            libc = ctypes.CDLL(None)
            libc.syscall.restype = ctypes.c_long
            abi = libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
            print(json.dumps({"status": "success", "context_updates": {"abi": abi}}))
            """
        let job = SandboxJob(code: code, context: [:], kind: .generated, timeout: .seconds(10), network: .none)
        guard let result = try? await run(job), case .success(let updates) = result.outcome, case .int(let abi) = updates["abi"] else {
            return nil
        }
        return Int(abi)
    }
}
