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
    /// bubblewrap's JSON status (child pid, exit code), under bubblewrap only.
    let status: SocketChannel?
    /// The prelude's go signal, with internet only.
    let go: SocketChannel?

    /// Whether the prelude's ready byte arrived (touched by the collecting thread only).
    var interpreterStarted = false
    /// bubblewrap's status bytes not yet parsed (touched by the collecting thread only).
    var statusBytes: [UInt8] = []
    /// PID 1 of the sandbox as the host sees it, once bubblewrap reported it (touched by the collecting thread only).
    var sandboxInitPID: Int32?

    /// Guards the fields below, which ``stop(_:)`` reads from other threads.
    let lock = NSLock()
    /// Set once the leader has been reaped: its pid may then belong to another process.
    var leaderReaped = false
    /// A pidfd of the sandbox's PID 1; killing it ends the whole PID namespace and lets bubblewrap exit by itself.
    var sandboxInit: Int32?
    /// The running slirp4netns.
    var helper: pid_t?
    /// Why and when Nova stopped the run.
    var stopReason: StopReason?
    /// When the sandbox was last told to die (by ``stop(_:)`` or after a failed set-up).
    var killedAt: ContinuousClock.Instant?

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
        func channel(_ number: Int32, into descriptors: inout [Int32: Int32]) throws(SandboxInfrastructureError) -> SocketChannel {
            do {
                let made = try SocketChannel()
                parentEnds.append(made.parentEnd)
                childEnds.append(made.childEnd)
                descriptors[number] = made.childEnd
                return made
            } catch {
                closeAll()
                throw error
            }
        }
        var descriptors: [Int32: Int32] = [:]
        stdin = try channel(0, into: &descriptors)
        stdout = try channel(1, into: &descriptors)
        stderr = try channel(2, into: &descriptors)
        ready = try channel(SandboxLaunch.readyDescriptor, into: &descriptors)
        if case .bubblewrap(let network) = launch.isolation {
            status = try channel(SandboxLaunch.statusDescriptor, into: &descriptors)
            if network == .internet {
                go = try channel(SandboxLaunch.goDescriptor, into: &descriptors)
                let resolver = try channel(SandboxLaunch.resolverDescriptor, into: &descriptors)
                Self.sendAll(Array(SandboxLaunch.resolverConfiguration.utf8), to: resolver.parentEnd)
                parentEnds.removeAll { $0 == resolver.parentEnd }
                _ = Glibc.close(resolver.parentEnd)
            } else {
                go = nil
            }
        } else {
            status = nil
            go = nil
        }
        do {
            leader = try ChildProcess.spawn(launch.executable, launch.arguments, environment: launch.environment, descriptors: descriptors)
        } catch {
            closeAll()
            throw error
        }
        childEnds.forEach { _ = Glibc.close($0) }
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

    /// Attaches the network when the job asks for it, feeds stdin, drains the outputs, and reaps the leader.
    func collect() -> Result<Ending, SandboxInfrastructureError> {
        defer { releaseSandboxInit() }
        var helperExit: Int32?
        if let status, let go {
            switch attachNetwork(status: status.parentEnd, go: go.parentEnd) {
            case .success(let exitDescriptor): helperExit = exitDescriptor
            case .failure(let error):
                lock.withLock { killSandboxLocked() }
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

    /// Parses bubblewrap's status bytes as they arrive; its first line, `{ "child-pid": N, … }`, names the sandbox's
    /// PID 1, which is then adopted for ``stop(_:)``.
    func consumeStatus(_ bytes: some Sequence<UInt8>) {
        guard sandboxInitPID == nil else { return }
        statusBytes.append(contentsOf: bytes)
        guard let newline = statusBytes.firstIndex(of: UInt8(ascii: "\n")) else { return }
        let line = String(decoding: statusBytes[..<newline], as: UTF8.self)
        statusBytes = []
        guard case .int(let pid) = JSONValue(jsonText: line)?["child-pid"] else { return }
        sandboxInitPID = Int32(pid)
        adopt(sandboxInit: Int32(pid))
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
