import Foundation

/// A small tmpfs mounted for one test (root only), to fill the disk under a service's data directory.
final class SmallTmpfs: @unchecked Sendable {
    /// The mount point.
    let directory: URL
    private var filler: URL { directory.appendingPathComponent("filler") }

    /// Mounts a tmpfs of `megabytes` on a new temporary directory; nil when this process may not mount one.
    init?(megabytes: Int) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nova-tmpfs-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
            Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", directory.path])
        else { return nil }
    }

    /// Writes a file until the file system is full.
    func fill() throws {
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        defer { try? handle.close() }
        let chunk = Data(repeating: 0x61, count: 64 * 1024)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        // Leave nothing: the last partial chunk may not have fitted.
        let small = Data(repeating: 0x61, count: 512)
        while (try? handle.write(contentsOf: small)) != nil {}
    }

    /// Gives the space back.
    func free() throws {
        try FileManager.default.removeItem(at: filler)
    }

    /// Unmounts the tmpfs and removes the mount point.
    func unmount() {
        _ = Self.run("/bin/umount", ["-l", directory.path])
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
