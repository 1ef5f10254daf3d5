import Foundation
import NovaJSON

#if canImport(Glibc)
    import Glibc
#endif

extension SandboxSession {
    /// What ``pump(payload:)`` gathered.
    struct Drained {
        /// The leader's `waitpid` status.
        var waitStatus: Int32
        /// Captured standard output.
        var stdout: CapturedStream
        /// Captured standard error.
        var stderr: CapturedStream
    }

    /// How long output is still read after the leader exited, for descendants that outlive it outside bubblewrap.
    static let drainGrace: Duration = .milliseconds(200)

    /// Writes `payload` to stdin and reads stdout, stderr, the ready byte and bubblewrap's status together (so no side
    /// ever blocks the other), keeping the last `outputBytes` of each stream, until the leader is reaped and the
    /// streams are closed (or ``drainGrace`` has passed). Closes all these descriptors.
    func pump(payload: [UInt8]) -> Drained {
        var buffers = [
            stdout.parentEnd: TailBuffer(capacity: job.limits.outputBytes),
            stderr.parentEnd: TailBuffer(capacity: job.limits.outputBytes),
        ]
        var readers = Set(buffers.keys).union([ready.parentEnd])
        if let status { readers.insert(status.parentEnd) }
        var input: Int32? = stdin.parentEnd
        var sent = 0
        var waitStatus: Int32?
        var graceEnd: ContinuousClock.Instant?
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let pending = input, sent == payload.count {
                _ = close(pending)
                input = nil
            }
            enforceDeadline()
            if waitStatus == nil, let reaped = reapLeaderIfExited() {
                waitStatus = reaped
                graceEnd = .now + Self.drainGrace
            }
            if let graceEnd, readers.isEmpty || ContinuousClock.now >= graceEnd { break }
            var polled = readers.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let input { polled.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            if polled.isEmpty {
                usleep(2_000)
                continue
            }
            _ = poll(&polled, nfds_t(polled.count), pollMilliseconds())
            for entry in polled where entry.revents != 0 {
                if entry.fd == input {
                    let count = payload[sent...].withUnsafeBytes {
                        send(entry.fd, $0.baseAddress, min($0.count, 1 << 16), Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
                    }
                    if count > 0 { sent += count } else if !Self.isTransient(errno) { sent = payload.count }
                    continue
                }
                let count = chunk.withUnsafeMutableBytes { recv(entry.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if count > 0 {
                    chunk.withUnsafeBufferPointer { bytes in
                        let read = UnsafeBufferPointer(rebasing: bytes[..<count])
                        if buffers[entry.fd] != nil {
                            buffers[entry.fd]?.append(read)
                        } else if entry.fd == ready.parentEnd {
                            interpreterStarted = true
                        } else {
                            consumeStatus(read)
                        }
                    }
                } else if count == 0 || !Self.isTransient(errno) {
                    _ = close(entry.fd)
                    readers.remove(entry.fd)
                }
            }
        }
        readers.forEach { _ = close($0) }
        if let input { _ = close(input) }
        return Drained(
            waitStatus: waitStatus ?? 0,
            stdout: buffers[stdout.parentEnd]?.captured ?? CapturedStream(bytes: [], totalBytes: 0),
            stderr: buffers[stderr.parentEnd]?.captured ?? CapturedStream(bytes: [], totalBytes: 0)
        )
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

    /// How long one `poll` may wait: until the deadline (at least 1 ms), at most 50 ms; 50 ms once it has passed.
    func pollMilliseconds() -> Int32 {
        let milliseconds = (deadline - ContinuousClock.now).milliseconds
        return milliseconds < 0 ? 50 : Int32(min(max(milliseconds, 1), 50))
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

    private static func isTransient(_ error: Int32) -> Bool {
        error == EAGAIN || error == EWOULDBLOCK || error == EINTR
    }
}
