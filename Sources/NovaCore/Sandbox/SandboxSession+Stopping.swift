import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension SandboxSession {
    /// How long the leader may outlive the death of the sandbox's PID 1 before its whole group is killed too.
    static let leaderGrace: Duration = .seconds(1)

    /// Kills the sandbox and its network helper, remembering why (the first reason wins).
    func stop(_ reason: StopReason) {
        lock.withLock {
            if stopReason == nil { stopReason = reason }
            killSandboxLocked()
            if let helper { kill(helper, SIGKILL) }
        }
    }

    /// Kills the sandbox's PID 1 through its pidfd when known — the kernel then kills every process of the PID
    /// namespace and bubblewrap reaps its child and exits by itself — else the leader's process group (which, under
    /// bubblewrap, orphans the sandbox's PID 1 as a zombie for the host's init: only before bubblewrap reported it).
    /// Call with ``lock`` held.
    func killSandboxLocked() {
        if killedAt == nil { killedAt = .now }
        if let sandboxInit {
            ProcessDescriptor.kill(sandboxInit)
        } else if !leaderReaped {
            kill(-leader, SIGKILL)
        }
    }

    /// Records the sandbox's PID 1 (from bubblewrap's status) so that ``stop(_:)`` can kill it; kills it at once if
    /// the run is already stopped.
    func adopt(sandboxInit pid: Int32) {
        guard let descriptor = ProcessDescriptor.open(pid) else { return }
        lock.withLock {
            sandboxInit = descriptor
            if killedAt != nil { ProcessDescriptor.kill(descriptor) }
        }
    }

    /// Closes the pidfd of the sandbox's PID 1.
    func releaseSandboxInit() {
        lock.withLock {
            if let sandboxInit { _ = close(sandboxInit) }
            sandboxInit = nil
        }
    }

    /// Stops the run as timed out once the deadline has passed, and kills the leader's group if it outlived the
    /// sandbox's death by ``leaderGrace`` (harmless to repeat until the run is over).
    func enforceDeadline() {
        if ContinuousClock.now >= deadline { stop(.timedOut) }
        lock.withLock {
            if let killedAt, !leaderReaped, ContinuousClock.now - killedAt > Self.leaderGrace { kill(-leader, SIGKILL) }
        }
    }

    /// Records the network helper so that ``stop(_:)`` reaches it; kills it at once if the run is already stopped.
    func register(helper pid: pid_t) {
        lock.withLock {
            helper = pid
            if stopReason != nil { kill(pid, SIGKILL) }
        }
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
    func killHelper() -> pid_t? {
        lock.withLock {
            guard let helper else { return nil }
            kill(helper, SIGKILL)
            self.helper = nil
            return helper
        }
    }
}
