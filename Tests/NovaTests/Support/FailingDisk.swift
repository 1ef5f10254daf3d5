import Foundation

/// A small ext4 file system in a loop-mounted image with `errors=remount-ro` (root only): ``fail()`` raises a file
/// system error through ext4's `trigger_fs_error`, and the kernel turns the mount read-only under the open files, as
/// it does when a real disk fails.
final class FailingDisk: @unchecked Sendable {
    /// The mount point.
    let directory: URL
    private let image: URL

    /// Whether this machine can make one: root, loop devices and `mkfs.ext4`.
    static let isPossible =
        getuid() == 0 && FileManager.default.fileExists(atPath: "/dev/loop-control")
        && FileManager.default.isExecutableFile(atPath: "/sbin/mkfs.ext4")

    /// Makes and mounts a 32 MiB ext4 image on a new temporary directory; nil when this process may not.
    init?() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nova-ext4-\(UUID().uuidString)")
        directory = base.appendingPathComponent("mount")
        image = base.appendingPathComponent("disk.img")
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
            Self.run("/usr/bin/truncate", ["-s", "32M", image.path]), Self.run("/sbin/mkfs.ext4", ["-q", image.path]),
            Self.run("/bin/mount", ["-o", "loop,errors=remount-ro", image.path, directory.path])
        else {
            try? FileManager.default.removeItem(at: base)
            return nil
        }
    }

    /// Raises a file system error: from then on every write under ``directory`` fails with `EROFS`.
    func fail() throws {
        // A mountinfo line: "<id> <parent> <dev> <root> <mount point> … - <type> <source> <options>".
        let line = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8).split(separator: "\n")
            .first { $0.split(separator: " ")[4] == directory.path }
        guard let source = line?.components(separatedBy: " - ").last?.split(separator: " ").dropFirst().first else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        let device = URL(fileURLWithPath: String(source)).lastPathComponent
        try "1".write(toFile: "/sys/fs/ext4/\(device)/trigger_fs_error", atomically: false, encoding: .utf8)
    }

    /// Unmounts the file system and removes the image.
    func unmount() {
        _ = Self.run("/bin/umount", ["-l", directory.path])
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    private static func run(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
