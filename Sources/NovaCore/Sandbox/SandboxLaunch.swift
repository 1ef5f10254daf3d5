import Foundation

/// The command line that starts one sandboxed run, built from values only (no I/O), and the descriptor numbers it
/// expects: 0–2 standard streams, 4 the prelude's ready byte (the code is about to start); under bubblewrap also 3
/// its JSON status (the sandbox's PID 1); with internet also 5 the prelude's go byte (the network is up) and 6 the
/// `resolv.conf` bubblewrap copies in. Under Landlock with internet, the environment points `HTTP_PROXY` and
/// `HTTPS_PROXY` (and lowercase) at the egress proxy with the run's credential.
struct SandboxLaunch: Sendable, Hashable {
    /// Descriptor of bubblewrap's `--json-status-fd` (child pid, then exit code).
    static let statusDescriptor: Int32 = 3
    /// Descriptor the prelude writes one byte to once it runs (inside the namespaces, before reading the code).
    static let readyDescriptor: Int32 = 4
    /// Descriptor the prelude waits on until the network is attached.
    static let goDescriptor: Int32 = 5
    /// Descriptor bubblewrap reads the sandbox's `/etc/resolv.conf` from.
    static let resolverDescriptor: Int32 = 6
    /// The sandbox's resolver: slirp4netns's DNS forwarder (the host's may listen on its loopback).
    static let resolverConfiguration = "nameserver 10.0.2.3\n"

    /// How isolated the run is.
    enum Isolation: Sendable, Hashable {
        /// bubblewrap namespaces with this network.
        case bubblewrap(SandboxNetwork)
        /// No namespaces: the prelude confines itself with Landlock and seccomp; network only through the egress proxy
        /// when a pass is given, else none.
        case landlock(EgressPass?)
        /// No namespaces, no confinement: rlimits only.
        case rlimitsOnly
    }

    /// The program started (setpriv, bwrap or python3).
    var executable: String
    /// Its arguments.
    var arguments: [String]
    /// Its environment.
    var environment: [String: String]
    /// The isolation these arguments give.
    var isolation: Isolation

    /// The launch of `job` with `isolation`; `dropPrivileges` prefixes `setpriv` to become the unprivileged user.
    /// `scratch`, given outside namespaces, is the run's private directory: its `HOME`, `TMPDIR` and working
    /// directory (under bubblewrap they are the private `/tmp`).
    init(
        job: SandboxJob, isolation: Isolation, configuration: SandboxConfiguration, system: SystemDirectories, dropPrivileges: Bool,
        scratch: String? = nil
    ) {
        let temporary = scratch ?? "/tmp"
        let sharesUser: Bool = if case .bubblewrap = isolation { false } else { true }
        var environment = [
            "PATH": configuration.searchPath, "HOME": temporary, "TMPDIR": temporary, "LANG": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
        ]
        let handshake = isolation == .bubblewrap(.internet)
        var rules = ""
        if case .landlock(let pass) = isolation {
            rules = LandlockRules(configuration: configuration, scratch: temporary, proxyPort: pass?.port).jsonText
            if let pass {
                for name in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"] { environment[name] = pass.proxyURL }
            }
        }
        let python =
            [configuration.interpreter, "-I", "-c", PythonPrelude.source]
            + [
                job.limits.cpuSeconds, job.limits.addressSpaceBytes, job.limits.fileSizeBytes, job.limits.processes,
                job.printsContextAfterCode ? 1 : 0,
                Int(Self.readyDescriptor), handshake ? Int(Self.goDescriptor) : -1,
                sharesUser ? 1 : 0, sharesUser ? Int(getpid()) : -1,
            ].map(String.init) + [scratch ?? "", rules]
        var command: [String]
        switch isolation {
        case .landlock, .rlimitsOnly:
            command = python
            self.environment = environment
        case .bubblewrap(let network):
            command = [configuration.bubblewrap] + Self.bubblewrapOptions(network, job.limits, configuration, system)
            command += environment.sorted(by: { $0.key < $1.key }).flatMap { ["--setenv", $0.key, $0.value] }
            command += ["--json-status-fd", String(Self.statusDescriptor), "--"] + python
            self.environment = ["PATH": "/usr/bin:/bin"]
        }
        if dropPrivileges {
            let user = configuration.unprivilegedUser
            command = [configuration.setpriv, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--no-new-privs"] + command
        }
        executable = command[0]
        arguments = Array(command.dropFirst())
        self.isolation = isolation
    }

    private static func bubblewrapOptions(
        _ network: SandboxNetwork,
        _ limits: SandboxLimits,
        _ configuration: SandboxConfiguration,
        _ system: SystemDirectories
    ) -> [String] {
        var options = ["--unshare-all", "--as-pid-1", "--die-with-parent", "--new-session", "--hostname", "nova-sandbox"]
        options += system.bubblewrapOptions
        if network == .internet { options += ["--ro-bind-data", String(resolverDescriptor), "/etc/resolv.conf"] }
        let size = String(limits.temporaryBytes)
        options += ["--proc", "/proc", "--dev", "/dev", "--size", size, "--tmpfs", "/dev/shm", "--size", size, "--tmpfs", "/tmp"]
        options += configuration.readOnlyPaths.flatMap { ["--ro-bind", $0, $0] }
        return options + ["--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp", "--clearenv"]
    }
}
