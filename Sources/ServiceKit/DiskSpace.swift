import Foundation

/// Whether the file system holding a data directory can take writes, for `/health`: a store that cannot grow or
/// cannot be written answers every write with 507 or 503, and the health route should say so before a user finds out.
package enum DiskSpace {
    /// Below this many free bytes the store counts as full: SQLite needs room for its journal and WAL pages to commit
    /// anything, so a few MiB left already fail writes.
    package static let minimumFreeBytes: Int64 = 16 << 20

    /// `ok`; `unwritable: <path> (<reason>)` when a probe file cannot be created there (a read-only mount, a file
    /// system the kernel turned read-only after an error, lost permissions); or `full: <n> MiB free in <path>` below
    /// ``minimumFreeBytes``. `ok` when the free space cannot be read (the write path answers 507 all the same).
    package static func state(of path: String) -> String {
        let probe = path + "/.nova-write-probe"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "unwritable: \(path) (\(String(cString: strerror(errno))))" }
        close(descriptor)
        unlink(probe)
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return "ok" }
        let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
        return free < minimumFreeBytes ? "full: \(free >> 20) MiB free in \(path)" : "ok"
    }
}
