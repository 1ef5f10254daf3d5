import Foundation

/// Where the process sandbox finds its tools and what it makes visible inside; built by the composition root.
///
/// nova maps `NOVA_SANDBOX_VENV` onto it (the virtual environment made by `scripts/setup-sandbox.sh`, default
/// `<NOVA_DATA_DIR>/sandbox-venv`; read by `NovaConfig`), see ``init(virtualEnvironment:)``.
package struct SandboxConfiguration: Sendable, Hashable {
    /// The Python interpreter run inside the sandbox.
    package var interpreter: String
    /// Host directories bound read-only at the same path besides the system ones (`/usr`, `/etc`, `/lib*`), e.g. the
    /// virtual environment. They and their parents must be readable by ``unprivilegedUser``.
    package var readOnlyPaths: [String]
    /// `PATH` inside the sandbox.
    package var searchPath: String
    /// The bubblewrap executable.
    package var bubblewrap: String
    /// The slirp4netns executable (internet mode).
    package var slirp4netns: String
    /// util-linux `setpriv`, used to leave root before starting the sandbox.
    package var setpriv: String
    /// util-linux `nsenter`, used to run `ip` in an internet sandbox's network namespace.
    package var nsenter: String
    /// iproute2's `ip`.
    package var ip: String
    /// Networks made unreachable inside internet sandboxes besides the host's own addresses; default the link-local
    /// range, where cloud metadata services hand out credentials.
    package var blockedNetworks: [String]
    /// The user and group the sandbox runs as when Nova runs as root (default `nobody`), so that code never holds
    /// root's rights on host files; ignored when Nova is not root.
    package var unprivilegedUser: SandboxUser
    /// The only mode node code may run in (`SANDBOX_ISOLATION`); nil (`auto`) takes the strongest that works here:
    /// ``SandboxMode/namespaces``, else ``SandboxMode/landlock``, else node code is refused.
    /// ``SandboxMode/rlimitsOnly`` is never taken unless named here.
    package var isolation: SandboxMode?
    /// Where each run outside namespaces gets its own scratch directory (its `HOME`, `TMPDIR` and working directory,
    /// removed after the run).
    package var scratchRoot: String

    /// Creates a configuration.
    package init(
        interpreter: String,
        readOnlyPaths: [String] = [],
        searchPath: String = "/usr/local/bin:/usr/bin:/bin",
        bubblewrap: String = "/usr/bin/bwrap",
        slirp4netns: String = "/usr/bin/slirp4netns",
        setpriv: String = "/usr/bin/setpriv",
        nsenter: String = "/usr/bin/nsenter",
        ip: String = "/usr/bin/ip",
        blockedNetworks: [String] = ["169.254.0.0/16"],
        unprivilegedUser: SandboxUser = .nobody,
        isolation: SandboxMode? = nil,
        scratchRoot: String = FileManager.default.temporaryDirectory.path
    ) {
        self.interpreter = interpreter
        self.readOnlyPaths = readOnlyPaths
        self.searchPath = searchPath
        self.bubblewrap = bubblewrap
        self.slirp4netns = slirp4netns
        self.setpriv = setpriv
        self.nsenter = nsenter
        self.ip = ip
        self.blockedNetworks = blockedNetworks
        self.unprivilegedUser = unprivilegedUser
        self.isolation = isolation
        self.scratchRoot = scratchRoot
    }

    /// The virtual environment's `python3` when `virtualEnvironment` holds one (bound read-only, its `bin` first on
    /// `PATH`), else `/usr/bin/python3`.
    package init(virtualEnvironment: URL?) {
        let venv = virtualEnvironment?.standardizedFileURL.path
        if let venv, FileManager.default.isExecutableFile(atPath: venv + "/bin/python3") {
            self.init(interpreter: venv + "/bin/python3", readOnlyPaths: [venv], searchPath: venv + "/bin:/usr/local/bin:/usr/bin:/bin")
        } else {
            self.init(interpreter: "/usr/bin/python3")
        }
    }
}
