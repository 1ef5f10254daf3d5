import Foundation
import NovaJSON

/// The one parser for the output of all sandboxed code — hand-written, generated, cached, analysis (D26).
///
/// Rules, in order: a timeout, a non-zero exit or a signal fails; otherwise the last stdout line that is a JSON object
/// decides: `{"status": "error", "message": …}` fails, `{"context_updates": {…}}` succeeds with those updates, any
/// other object is a full context (legacy) whose keys are the updates. No such line fails. Keys starting with `_` are
/// dropped from updates. Failures quote the last ``SandboxFailure/quotedBytes`` of stdout and stderr.
package enum SandboxOutputParser {
    /// The contract's verdict on `output`.
    package static func outcome(of output: SandboxOutput) -> SandboxOutcome {
        switch output.termination {
        case .timedOut(let timeout): return .failure(failure(.timedOut(timeout), output))
        case .signaled(let number): return .failure(failure(.signal(number), output))
        case .exited(let status) where status != 0: return .failure(failure(.exitStatus(status), output))
        case .exited: break
        }
        guard let result = lastJSONObject(in: output.stdout) else { return .failure(failure(.noResultObject, output)) }
        if result["status"]?.stringValue == "error" {
            return .failure(failure(.reportedError(errorMessage(result["message"])), output))
        }
        guard let updates = result["context_updates"] else { return .success(updates: publicKeys(result)) }
        guard let members = updates.objectValue else { return .failure(failure(.updatesNotAnObject, output)) }
        return .success(updates: publicKeys(members))
    }

    /// The last line of `stdout` that is a JSON object; when the stream was truncated its first, partial line is
    /// skipped.
    package static func lastJSONObject(in stdout: CapturedStream) -> [String: JSONValue]? {
        var lines = stdout.text.split(separator: "\n", omittingEmptySubsequences: true)
        if stdout.isTruncated, !lines.isEmpty { lines.removeFirst() }
        for line in lines.reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("{"), let object = JSONValue(jsonText: trimmed)?.objectValue else { continue }
            return object
        }
        return nil
    }

    private static func publicKeys(_ members: [String: JSONValue]) -> [String: JSONValue] {
        members.filter { !$0.key.hasPrefix("_") }
    }

    private static func errorMessage(_ message: JSONValue?) -> String {
        switch message {
        case .none, .some(.null): "(no message)"
        case .some(.string(let text)): text
        case .some(let other): other.jsonText
        }
    }

    private static func failure(_ cause: SandboxFailure.Cause, _ output: SandboxOutput) -> SandboxFailure {
        SandboxFailure(
            cause: cause,
            stdoutTail: output.stdout.tail(SandboxFailure.quotedBytes),
            stderrTail: output.stderr.tail(SandboxFailure.quotedBytes),
            truncationNotes: [("stdout", output.stdout), ("stderr", output.stderr)].compactMap { name, stream in
                stream.isTruncated
                    ? "\(name) exceeded the \(stream.bytes.count)-byte cap: \(stream.totalBytes) bytes written, the first \(stream.discardedBytes) discarded"
                    : nil
            }
        )
    }
}
