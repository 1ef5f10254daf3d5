/// Why node code failed, with the end of its output quoted (the node error of docs/api.md §3.9).
///
/// `message` is what a node error shows. It contains program output, which may contain secrets: redact it (or build
/// your own from `cause`, `stdoutTail` and `stderrTail`) before storing or logging it (D4).
package struct SandboxFailure: Sendable, Hashable {
    /// The failure without the quoted output.
    package enum Cause: Sendable, Hashable {
        /// Still running at the timeout, killed.
        case timedOut(Duration)
        /// Exited with a non-zero status.
        case exitStatus(Int32)
        /// Ended by a signal.
        case signal(Int32)
        /// Printed `{"status": "error", "message": …}`.
        case reportedError(String)
        /// No stdout line was a JSON object.
        case noResultObject
        /// `context_updates` was present but not an object.
        case updatesNotAnObject
    }

    /// How many bytes of each stream's end a failure quotes.
    package static let quotedBytes = 2048

    /// What went wrong.
    package var cause: Cause
    /// The last ``quotedBytes`` of stdout.
    package var stdoutTail: String
    /// The last ``quotedBytes`` of stderr.
    package var stderrTail: String
    /// Notes on streams that exceeded their cap, e.g. `stdout exceeded the 1048576-byte cap; 5 bytes discarded`.
    package var truncationNotes: [String]

    /// Creates a failure.
    package init(cause: Cause, stdoutTail: String, stderrTail: String, truncationNotes: [String]) {
        self.cause = cause
        self.stdoutTail = stdoutTail
        self.stderrTail = stderrTail
        self.truncationNotes = truncationNotes
    }

    /// One line saying what went wrong, without program output.
    package var summary: String {
        switch cause {
        case .timedOut(let timeout): "Code timed out after \(Self.seconds(timeout))"
        case .exitStatus(let status): "Code exited with status \(status)"
        case .signal(let number): "Code was killed by signal \(number)\(Self.signalNote(number))"
        case .reportedError(let message): "Code reported an error: \(message)"
        case .noResultObject: "Code printed no JSON object on stdout (expected {\"status\": \"success\", \"context_updates\": {...}})"
        case .updatesNotAnObject: "Code printed context_updates that is not a JSON object"
        }
    }

    /// The summary, the truncation notes, and the quoted ends of stderr and stdout.
    package var message: String {
        var parts = [summary] + truncationNotes
        if !stderrTail.isEmpty { parts.append("stderr (end):\n\(stderrTail)") }
        if !stdoutTail.isEmpty { parts.append("stdout (end):\n\(stdoutTail)") }
        return parts.joined(separator: "\n")
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return attoseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }

    private static func signalNote(_ number: Int32) -> String {
        switch number {
        case 9: " (SIGKILL)"
        case 11: " (SIGSEGV)"
        case 24: " (SIGXCPU: CPU time limit exceeded)"
        case 25: " (SIGXFSZ: file size limit exceeded)"
        default: ""
        }
    }
}
