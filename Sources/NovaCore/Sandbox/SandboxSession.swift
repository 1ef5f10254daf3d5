import Foundation
import NovaJSON

#if canImport(Glibc)
    import Glibc
#endif

/// One running sandbox: its process group, the sockets standing in for its standard streams and bubblewrap's status,
/// and its network helper. ``collect()`` blocks until the end, so it runs on a thread of its own (``ending()``), and
/// enforces the job's timeout itself with the monotonic clock: a busy cooperative thread pool can delay delivering
/// the result, never the kill. ``stop(_:)`` may be called from any thread and kills everything within milliseconds.
final class SandboxSession: @unchecked Sendable {
    /// Why Nova ended the run early.
    enum StopReason: Sendable {
        /// The job's timeout passed.
        case timedOut
        /// The task running the job was cancelled.
        case cancelled
    }

    /// How the run ended, before the program contract is applied.
    struct Ending: Sendable {
        /// The `waitpid` status of the process group's leader (setpriv, bwrap or python3); bubblewrap exits with the
        /// code's status, or 128 + the signal that ended it.
        var waitStatus: Int32
        /// Whether the prelude started (its ready byte arrived); if not, the sandbox itself failed.
        var interpreterStarted: Bool
        /// Captured standard output.
        var stdout: CapturedStream
        /// Captured standard error.
        var stderr: CapturedStream
        /// Set when Nova stopped the run.
        var stopReason: StopReason?
        /// From spawning to the end.
        var duration: Duration
    }

    let job: SandboxJob
    let configuration: SandboxConfiguration
    let spawnedAt = ContinuousClock.now
    /// `spawnedAt` + the job's timeout.
    let deadline: ContinuousClock.Instant
    let leader: pid_t
    let stdin: SocketChannel
    let stdout: SocketChannel
    let stderr: SocketChannel
    let ready: SocketChannel
    /// bubblewrap's status and the prelude's go signal, with internet only.
    let network: (status: SocketChannel, go: SocketChannel)?

    /// Whether the prelude's ready byte arrived (touched by the collecting thread only).
    var interpreterStarted = false

    private let lock = NSLock()
    private var leaderReaped = false
    private var helper: pid_t?
    private var stopReason: StopReason?

    /// Spawns the launch's command with its descriptors.
    init(job: SandboxJob, launch: SandboxLaunch, configuration: SandboxConfiguration) throws(SandboxInfrastructureError) {
        self.job = job
        self.configuration = configuration
        deadline = spawnedAt + job.timeout
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        func closeAll() {
            (parentEnds + childEnds).forEach { _ = Glibc.close($0) }
        }
        func channel() throws(SandboxInfrastructureError) -> SocketChannel {
            do {
                let made = try SocketChannel()
                parentEnds.append(made.parentEnd)
                childEnds.append(made.childEnd)
                return made
            } catch {
                closeAll()
                throw error
            }
        }
        stdin = try channel()
        stdout = try channel()
        stderr = try channel()
        ready = try channel()
        var descriptors: [Int32: Int32] = [0: stdin.childEnd, 1: stdout.childEnd, 2: stderr.childEnd, SandboxLaunch.readyDescriptor: ready.childEnd]
        if launch.isolation == .bubblewrap(.internet) {
            let status = try channel()
            let go = try channel()
            let resolver = try channel()
            descriptors[SandboxLaunch.statusDescriptor] = status.childEnd
            descriptors[SandboxLaunch.goDescriptor] = go.childEnd
            descriptors[SandboxLaunch.resolverDescriptor] = resolver.childEnd
            Self.sendAll(Array(SandboxLaunch.resolverConfiguration.utf8), to: resolver.parentEnd)
            parentEnds.removeAll { $0 == resolver.parentEnd }
            _ = Glibc.close(resolver.parentEnd)
            network = (status, go)
        } else {
            network = nil
        }
        do {
            leader = try ChildProcess.spawn(launch.executable, launch.arguments, environment: launch.environment, descriptors: descriptors)
        } catch {
            closeAll()
            throw error
        }
        childEnds.forEach { _ = Glibc.close($0) }
    }

    /// Kills the sandbox and its network helper, remembering why (the first reason wins).
    func stop(_ reason: StopReason) {
        lock.withLock {
            if stopReason == nil { stopReason = reason }
            if !leaderReaped { kill(-leader, SIGKILL) }
            if let helper { kill(helper, SIGKILL) }
        }
    }

    /// ``collect()`` on a dedicated thread, so blocking I/O never holds a thread of Swift's cooperative pool. The
    /// killed network helper is reaped after the result is delivered: its exit tears down the namespace's `tap0`,
    /// which takes the kernel 15–20 ms.
    func ending() async -> Result<Ending, SandboxInfrastructureError> {
        await withCheckedContinuation { continuation in
            Thread {
                let result = self.collect()
                let helper = self.killHelper()
                continuation.resume(returning: result)
                if let helper {
                    var waitStatus: Int32 = 0
                    while waitpid(helper, &waitStatus, 0) < 0, errno == EINTR {}
                }
            }.start()
        }
    }

    /// Attaches the network when the job asks for it, feeds stdin, drains the outputs, and reaps everything.
    func collect() -> Result<Ending, SandboxInfrastructureError> {
        var helperExit: Int32?
        if let network {
            switch attachNetwork(status: network.status.parentEnd, go: network.go.parentEnd) {
            case .success(let exitDescriptor): helperExit = exitDescriptor
            case .failure(let error):
                lock.withLock { if !leaderReaped { kill(-leader, SIGKILL) } }
                let drained = pump(payload: [])
                if let reason = currentStopReason { return .success(ending(drained, reason)) }
                let stderr = drained.stderr.tail(SandboxFailure.quotedBytes)
                return .failure(SandboxInfrastructureError(stderr.isEmpty ? error.reason : "\(error.reason): \(stderr)"))
            }
        }
        let drained = pump(payload: Self.payload(job))
        if let helperExit { _ = Glibc.close(helperExit) }
        return .success(ending(drained, currentStopReason))
    }

    /// Records the network helper so that ``stop(_:)`` reaches it; kills it at once if the run is already stopped.
    func register(helper pid: pid_t) {
        lock.withLock {
            helper = pid
            if stopReason != nil { kill(pid, SIGKILL) }
        }
    }

    /// Stops the run as timed out once the deadline has passed (again and again, harmlessly, until it is over).
    func enforceDeadline() {
        if ContinuousClock.now >= deadline { stop(.timedOut) }
    }

    /// Waits until `descriptor` is readable or closed, enforcing the deadline meanwhile.
    func awaitReadable(_ descriptor: Int32) {
        while true {
            enforceDeadline()
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, pollMilliseconds())
            if ready > 0 || (ready < 0 && errno != EINTR) { return }
        }
    }

    /// How long one `poll` may wait: until the deadline, at most 50 ms, at least 1 ms.
    func pollMilliseconds() -> Int32 {
        let (seconds, attoseconds) = (deadline - ContinuousClock.now).components
        return Int32(min(max(seconds * 1000 + attoseconds / 1_000_000_000_000_000, 1), 50))
    }

    /// Whether the run was stopped, and why.
    var currentStopReason: StopReason? { lock.withLock { stopReason } }

    /// Reaps the leader if it has exited: first the rest of its process group is killed (the unreaped leader keeps
    /// the group's id from being reused), then the leader is reaped under the lock ``stop(_:)`` takes.
    func reapLeaderIfExited() -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(leader), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._kill.si_pid == leader else { return nil }
        kill(-leader, SIGKILL)
        return lock.withLock {
            var waitStatus: Int32 = 0
            _ = waitpid(leader, &waitStatus, 0)
            leaderReaped = true
            return waitStatus
        }
    }

    /// Kills the network helper, if any, and hands its pid over for reaping (``stop(_:)`` no longer signals it; the
    /// unreaped pid cannot be reused meanwhile).
    private func killHelper() -> pid_t? {
        lock.withLock {
            guard let helper else { return nil }
            kill(helper, SIGKILL)
            self.helper = nil
            return helper
        }
    }

    private func ending(_ drained: Drained, _ reason: StopReason?) -> Ending {
        Ending(
            waitStatus: drained.waitStatus,
            interpreterStarted: interpreterStarted,
            stdout: drained.stdout,
            stderr: drained.stderr,
            stopReason: reason,
            duration: ContinuousClock.now - spawnedAt
        )
    }

    /// The prelude's stdin: base64 of the code and base64 of the context's UTF-8 JSON, one per line.
    static func payload(_ job: SandboxJob) -> [UInt8] {
        let code = Data(job.code.utf8).base64EncodedString()
        let context = Data(JSONValue.object(job.context).jsonText.utf8).base64EncodedString()
        return Array("\(code)\n\(context)\n".utf8)
    }

    /// Blocks until one byte arrives (enforcing the deadline); false at end of stream.
    func readByte(_ descriptor: Int32) -> Bool {
        var byte: UInt8 = 0
        while true {
            awaitReadable(descriptor)
            let count = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT))
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return count == 1
        }
    }

    /// Writes all of `bytes` to a blocking socket, giving up on errors.
    static func sendAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }
}
