#if canImport(Glibc)
    import Glibc
#endif

/// Linux process descriptors (pidfd): a signal sent through one reaches exactly the process it was opened for, never
/// a later process that reused its pid. glibc's wrappers (2.36+) are looked up at run time because Swift's Glibc
/// module does not declare them; without them ``open(_:)`` returns nil and callers fall back to plain pids.
enum ProcessDescriptor {
    /// A descriptor for `pid`, or nil.
    static func open(_ pid: pid_t) -> Int32? {
        guard let pidfdOpen else { return nil }
        let descriptor = pidfdOpen(pid, 0)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Sends `SIGKILL` to the descriptor's process.
    static func kill(_ descriptor: Int32) {
        _ = pidfdSendSignal?(descriptor, SIGKILL, nil, 0)
    }

    private static let pidfdOpen: (@convention(c) (pid_t, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pidfd_open") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (pid_t, UInt32) -> Int32).self)
    }()

    private static let pidfdSendSignal: (@convention(c) (Int32, Int32, UnsafeMutablePointer<siginfo_t>?, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pidfd_send_signal") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32, UnsafeMutablePointer<siginfo_t>?, UInt32) -> Int32).self)
    }()
}
