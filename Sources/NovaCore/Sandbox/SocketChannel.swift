#if canImport(Glibc)
    import Glibc
#endif

/// A connected pair of Unix stream sockets standing in for a pipe between Nova and a child process: both ends are
/// close-on-exec from birth and numbered from 16, so a concurrent spawn never inherits them and they never collide
/// with the small descriptor numbers a child is given. Writes use `MSG_NOSIGNAL`, so a dead reader never raises
/// `SIGPIPE` in Nova.
struct SocketChannel {
    /// The end Nova keeps.
    let parentEnd: Int32
    /// The end handed to the child (closed by Nova right after spawning).
    let childEnd: Int32

    /// Creates a channel.
    init() throws(SandboxInfrastructureError) {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw SandboxInfrastructureError("socketpair failed: \(String(cString: strerror(errno)))")
        }
        parentEnd = Self.raised(ends[0])
        childEnd = Self.raised(ends[1])
    }

    private static func raised(_ descriptor: Int32) -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 16)
        guard moved >= 0 else { return descriptor }
        _ = Glibc.close(descriptor)
        return moved
    }
}
