#if canImport(Glibc)
    import Glibc
#endif

extension SandboxSession {
    /// Adds `unreachable` routes to the sandbox's network namespace for the host's own addresses (services listening
    /// on all addresses would otherwise be reachable through slirp4netns) and for the configured blocked networks.
    /// Runs `nsenter --net=/proc/<pid>/ns/net ip -batch -` as Nova's user; the code inside has no capability in that
    /// namespace and cannot remove the routes. Returns what went wrong, or nil.
    func blockHostAddresses(childPID: Int32) -> SandboxInfrastructureError? {
        let destinations = HostAddresses.ipv4().map { "\($0)/32" } + configuration.blockedNetworks
        let batch = destinations.map { "route add unreachable \($0)\n" }.joined()
        let input: SocketChannel
        do {
            input = try SocketChannel()
        } catch {
            return error
        }
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { _ = close(devNull) }
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(
                configuration.nsenter,
                ["--net=/proc/\(childPID)/ns/net", configuration.ip, "-batch", "-"],
                environment: [:],
                descriptors: [0: input.childEnd, 1: devNull, 2: devNull]
            )
        } catch {
            _ = close(input.parentEnd)
            _ = close(input.childEnd)
            return error
        }
        _ = close(input.childEnd)
        Self.sendAll(Array(batch.utf8), to: input.parentEnd)
        _ = close(input.parentEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard status == 0 else {
            return SandboxInfrastructureError("ip could not add the sandbox's unreachable routes (wait status \(status))")
        }
        return nil
    }
}
