/// Resource limits of one sandboxed run. The rlimits apply to the Python process and everything it starts.
package struct SandboxLimits: Sendable, Hashable {
    /// CPU time in seconds (`RLIMIT_CPU`); the process gets `SIGXCPU` past it.
    package var cpuSeconds: Int
    /// Virtual memory in bytes (`RLIMIT_AS`); allocations past it fail (`MemoryError` in Python).
    package var addressSpaceBytes: Int
    /// Largest file the program may write, in bytes (`RLIMIT_FSIZE`).
    package var fileSizeBytes: Int
    /// Processes and threads the sandbox's user may have at once (`RLIMIT_NPROC`), which stops fork bombs.
    package var processes: Int
    /// Bytes kept of stdout and of stderr each; the rest is read and discarded, and the result says how much.
    package var outputBytes: Int
    /// Size of the private `/tmp`, and of `/dev/shm` (tmpfs, so memory); the rest of the file system is read-only.
    package var temporaryBytes: Int

    /// Creates limits; every value must be positive.
    package init(cpuSeconds: Int, addressSpaceBytes: Int, fileSizeBytes: Int, processes: Int, outputBytes: Int, temporaryBytes: Int) {
        self.cpuSeconds = cpuSeconds
        self.addressSpaceBytes = addressSpaceBytes
        self.fileSizeBytes = fileSizeBytes
        self.processes = processes
        self.outputBytes = outputBytes
        self.temporaryBytes = temporaryBytes
    }

    /// The limits nodes run with: 300 CPU seconds (the longest node timeout), 2 GiB of address space (enough for
    /// pandas and PyMuPDF), 64 MiB files, 64 processes, 1 MiB of stdout and of stderr, 256 MiB of `/tmp` (and of `/dev/shm`).
    package static let standard = SandboxLimits(
        cpuSeconds: 300,
        addressSpaceBytes: 2 << 30,
        fileSizeBytes: 64 << 20,
        processes: 64,
        outputBytes: 1 << 20,
        temporaryBytes: 256 << 20
    )
}
