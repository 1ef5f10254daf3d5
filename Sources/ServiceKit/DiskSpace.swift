import Foundation

/// Free space of the file system holding a data directory, for `/health`: a store that cannot grow answers every
/// write with 507, and the health route should say so before a user finds out.
package enum DiskSpace {
    /// Below this many free bytes the store counts as full: SQLite needs room for its journal and WAL pages to commit
    /// anything, so a few MiB left already fail writes.
    package static let minimumFreeBytes: Int64 = 16 << 20

    /// Bytes an unprivileged writer may still use on the file system of `path`, nil when it cannot be read.
    package static func freeBytes(at path: String) -> Int64? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }

    /// `ok`, or `full: <n> MiB free in <path>` below ``minimumFreeBytes``; `ok` when the space cannot be read (the
    /// write path answers 507 all the same).
    package static func state(of path: String) -> String {
        guard let free = freeBytes(at: path), free < minimumFreeBytes else { return "ok" }
        return "full: \(free >> 20) MiB free in \(path)"
    }
}
