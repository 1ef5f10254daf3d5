import NovaJSON

/// What ``PythonConfinement`` lets node code touch in ``SandboxMode/landlock``, as the JSON argument of the prelude.
struct LandlockRules: Sendable, Hashable {
    /// Character devices code may read and write (nothing else of `/dev`, so no `/dev/shm`).
    static let devices = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"]

    /// Readable and executable, recursively: the system directories and the configured read-only paths.
    var read: [String]
    /// Where the code may do anything: its scratch directory only.
    var write: [String]
    /// The egress proxy's port, the one TCP port the code may connect to; nil: no network at all.
    var proxyPort: UInt16?

    /// The rules of a run with `configuration` whose scratch directory is `scratch`, with network through the egress
    /// proxy at `proxyPort` when given.
    init(configuration: SandboxConfiguration, scratch: String, proxyPort: UInt16?) {
        read = SystemDirectories.paths + configuration.readOnlyPaths
        write = [scratch]
        self.proxyPort = proxyPort
    }

    /// `{"read": […], "devices": […], "write": […], "proxy_port": N}` (0 without network).
    var jsonText: String {
        let list = { (paths: [String]) in JSONValue.array(paths.map { .string($0) }) }
        return JSONValue.object([
            "read": list(read), "devices": list(Self.devices), "write": list(write), "proxy_port": .int(Int(proxyPort ?? 0)),
        ]).jsonText
    }
}
