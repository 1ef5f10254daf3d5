import Foundation

/// Sandboxes a killed nova left behind. Each sandbox is started with `--die-with-parent`, but bubblewrap arms that
/// signal after it starts: a nova killed (`kill -9`, out of memory) in that instant leaves a bubblewrap process whose
/// parent is init, holding no node code but staying forever. The next nova on the machine removes them. (Without
/// bubblewrap the prelude arms its own parent-death signal and checks its parent after, which leaves no such gap.)
package enum OrphanedSandboxes {
    /// Kills every bubblewrap process with nova's sandbox host name whose parent is init (PID 1), and returns how many.
    /// A sandbox whose nova is alive has that nova as its parent, so none of theirs is touched; when this process is
    /// itself PID 1 (a container without an init) its own sandboxes have PID 1 as parent, so nothing is reaped.
    package static func reap() -> Int {
        guard getpid() != 1, let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var killed = 0
        for name in names {
            guard let pid = pid_t(name), parent(of: pid) == 1, isSandbox(commandLine(of: pid)) else { continue }
            if kill(pid, SIGKILL) == 0 { killed += 1 }
        }
        return killed
    }

    /// Whether `arguments` start a nova sandbox: bubblewrap with `--hostname nova-sandbox`.
    package static func isSandbox(_ arguments: [String]) -> Bool {
        guard let program = arguments.first, program.hasSuffix("bwrap") else { return false }
        return zip(arguments, arguments.dropFirst()).contains { $0 == "--hostname" && $1 == "nova-sandbox" }
    }

    /// The parent PID from `/proc/<pid>/stat` (the field after the parenthesised command name, which may hold spaces).
    package static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// The arguments from `/proc/<pid>/cmdline` (NUL-separated).
    private static func commandLine(of pid: pid_t) -> [String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
