#if canImport(Glibc)
    import Glibc
#endif

extension SandboxSession {
    /// Gives the sandbox its internet: waits for bubblewrap's child pid and for the prelude's ready byte (bubblewrap
    /// has then finished setting up the namespace's loopback, which slirp4netns's own configuration would race with),
    /// starts slirp4netns on the sandbox's network namespace with the host's loopback disabled, waits until it has
    /// configured `tap0`, makes the host's own addresses unreachable, and lets the prelude go on. Returns the
    /// descriptor whose closing makes slirp4netns exit. Closes `go` either way (the prelude then gives up if the
    /// network never came).
    func attachNetwork(status: Int32, go: Int32) -> Result<Int32, SandboxInfrastructureError> {
        defer { _ = close(go) }
        guard let childPID = readChildPID(from: status) else {
            return .failure(SandboxInfrastructureError("bubblewrap could not create the sandbox"))
        }
        interpreterStarted = readByte(ready.parentEnd)
        guard interpreterStarted else {
            return .failure(SandboxInfrastructureError("the sandbox exited before its network could be attached"))
        }
        let readiness: SocketChannel
        let exit: SocketChannel
        do {
            readiness = try SocketChannel()
        } catch {
            return .failure(error)
        }
        do {
            exit = try SocketChannel()
        } catch {
            _ = close(readiness.parentEnd)
            _ = close(readiness.childEnd)
            return .failure(error)
        }
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { _ = close(readiness.parentEnd) }
        let spawned = Result { () throws(SandboxInfrastructureError) in
            try ChildProcess.spawn(
                configuration.slirp4netns,
                [
                    "--configure", "--mtu=65520", "--disable-host-loopback", "--enable-sandbox", "--enable-seccomp",
                    "--ready-fd=3", "--exit-fd=4", "--netns-type=path", "/proc/\(childPID)/ns/net", "tap0",
                ],
                environment: [:],
                descriptors: [0: devNull, 1: devNull, 2: devNull, 3: readiness.childEnd, 4: exit.childEnd]
            )
        }
        // slirp4netns holds its own copies now. Closing Nova's before waiting is what lets a slirp4netns that exits
        // without reporting ready (e.g. nova not root: it may not join the namespace) show as end of file below,
        // instead of a wait that never ends.
        _ = close(devNull)
        _ = close(readiness.childEnd)
        _ = close(exit.childEnd)
        switch spawned {
        case .success(let helper):
            register(helper: helper)
        case .failure(let error):
            _ = close(exit.parentEnd)
            return .failure(error)
        }
        guard readByte(readiness.parentEnd) else {
            _ = close(exit.parentEnd)
            return .failure(SandboxInfrastructureError("slirp4netns exited before the network was up"))
        }
        if let problem = blockHostAddresses(childPID: childPID) {
            _ = close(exit.parentEnd)
            return .failure(problem)
        }
        Self.sendAll([1], to: go)
        return .success(exit.parentEnd)
    }

    /// Reads bubblewrap's status until it names the sandbox's PID 1.
    private func readChildPID(from status: Int32) -> Int32? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while sandboxInitPID == nil {
            awaitReadable(status)
            let count = chunk.withUnsafeMutableBytes { recv(status, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return nil }
            consumeStatus(chunk[..<count])
        }
        return sandboxInitPID
    }
}
