import Foundation
import NovaCore
import Testing

/// A bubblewrap sandbox whose nova was killed is reaped by the next nova; live sandboxes and other orphans are not.
@Suite("Orphaned sandboxes")
struct OrphanedSandboxesTests {
    @Test("an orphaned process started as nova's sandbox is killed; one whose parent lives and an unrelated orphan are not")
    func reapsOnlyOrphanedSandboxes() throws {
        // A stand-in named bwrap with nova's sandbox arguments: a shell that waits, so its command line stays.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orphans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("bwrap").path
        try FileManager.default.createSymbolicLink(atPath: fake, withDestinationPath: "/bin/sh")
        let sandboxArguments = ["-c", "sleep 30; true", "--hostname", "nova-sandbox"]

        let living = Process()
        living.executableURL = URL(fileURLWithPath: fake)
        living.arguments = sandboxArguments
        try living.run()
        defer { living.terminate() }
        let quoted = sandboxArguments.map { "'\($0)'" }.joined(separator: " ")
        let orphan = try Self.orphan("\(fake) \(quoted)")
        let unrelated = try Self.orphan("sleep 30")
        defer { kill(unrelated, SIGKILL) }

        #expect(OrphanedSandboxes.reap() >= 1)
        #expect(Self.stops(orphan))
        #expect(Self.isRunning(living.processIdentifier))
        #expect(Self.isRunning(unrelated))
    }

    @Test("the sandbox is recognised by bubblewrap with nova's host name only")
    func recognition() {
        #expect(OrphanedSandboxes.isSandbox(["/usr/bin/bwrap", "--unshare-all", "--hostname", "nova-sandbox", "--", "python3"]))
        #expect(!OrphanedSandboxes.isSandbox(["/usr/bin/bwrap", "--hostname", "other", "--", "python3"]))
        #expect(!OrphanedSandboxes.isSandbox(["/usr/bin/python3", "--hostname", "nova-sandbox"]))
        #expect(!OrphanedSandboxes.isSandbox([]))
    }

    /// Starts `command` in the background of a shell that exits at once, so init adopts it; returns its PID once it has.
    private static func orphan(_ command: String) throws -> pid_t {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("orphan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        // posix_spawn and waitpid, not Foundation's Process, whose wait also lasts as long as the background job.
        let script = "\(command) </dev/null >/dev/null 2>&1 & echo $! > '\(pidFile.path)'"
        var shell: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", script]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        try #require(posix_spawn(&shell, "/bin/sh", nil, nil, arguments, environ) == 0)
        var status: Int32 = 0
        waitpid(shell, &status, 0)
        let text = try String(contentsOf: pidFile, encoding: .utf8)
        let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        for _ in 0..<100 where OrphanedSandboxes.parent(of: pid) != 1 { usleep(20_000) }
        try #require(OrphanedSandboxes.parent(of: pid) == 1, "init did not adopt \(pid)")
        return pid
    }

    /// Alive and not a zombie (a killed process init has not reaped yet is one).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ")[0] != "Z"
    }

    /// Whether `pid` stops running within a second.
    private static func stops(_ pid: pid_t) -> Bool {
        for _ in 0..<50 where isRunning(pid) { usleep(20_000) }
        return !isRunning(pid)
    }
}
