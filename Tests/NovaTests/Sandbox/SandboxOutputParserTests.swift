import NovaCore
import NovaJSON
import Testing

/// The one output parser (D26), on captured output without running anything.
@Suite("Sandbox output parser")
struct SandboxOutputParserTests {
    private func output(_ stdout: String, stderr: String = "", _ termination: SandboxTermination = .exited(0), cap: Int = 1 << 20) -> SandboxOutput {
        var stdoutBuffer = Array(stdout.utf8)
        let total = stdoutBuffer.count
        if stdoutBuffer.count > cap { stdoutBuffer = Array(stdoutBuffer.suffix(cap)) }
        return SandboxOutput(
            termination: termination,
            stdout: CapturedStream(bytes: stdoutBuffer, totalBytes: total),
            stderr: CapturedStream(bytes: Array(stderr.utf8), totalBytes: stderr.utf8.count),
            duration: .milliseconds(5)
        )
    }

    private func succeeded(_ outcome: SandboxOutcome) -> [String: JSONValue]? {
        if case .success(let updates) = outcome { return updates }
        return nil
    }

    private func failed(_ outcome: SandboxOutcome) -> SandboxFailure? {
        if case .failure(let failure) = outcome { return failure }
        return nil
    }

    @Test("context_updates of the last JSON-object line are the updates, without keys starting with an underscore")
    func lastObjectWins() {
        let stdout = """
            starting
            {"status": "success", "context_updates": {"a": 1}}
            progress 50%
            {"status": "success", "context_updates": {"b": 2, "_internal": true}}
            done

            """
        #expect(succeeded(SandboxOutputParser.outcome(of: output(stdout))) == ["b": .int(2)])
    }

    @Test("an object without context_updates is a full context whose keys are merged")
    func legacyFullContext() {
        let outcome = SandboxOutputParser.outcome(of: output(#"{"x": 1, "y": "two", "_analyzed_keys": {}}"#))
        #expect(succeeded(outcome) == ["x": .int(1), "y": .string("two")])
    }

    @Test("status error fails with the program's message")
    func reportedError() {
        let outcome = SandboxOutputParser.outcome(of: output(#"{"status": "error", "message": "no mailbox"}"#))
        #expect(failed(outcome)?.cause == .reportedError("no mailbox"))
        #expect(failed(outcome)?.message.hasPrefix("Code reported an error: no mailbox") == true)
    }

    @Test("output without a JSON object fails, quoting the end of stdout and stderr")
    func noObject() throws {
        let outcome = SandboxOutputParser.outcome(of: output("hello\n[1, 2]\n", stderr: "warning: thing"))
        let failure = try #require(failed(outcome))
        #expect(failure.cause == .noResultObject)
        #expect(failure.message.contains("stderr (end):\nwarning: thing"))
        #expect(failure.message.contains("stdout (end):\nhello\n[1, 2]"))
    }

    @Test("a non-zero exit fails even when a result object was printed")
    func nonZeroExit() {
        let outcome = SandboxOutputParser.outcome(of: output(#"{"status": "success", "context_updates": {}}"#, stderr: "Traceback", .exited(3)))
        #expect(failed(outcome)?.cause == .exitStatus(3))
    }

    @Test("a timeout and a signal fail with their own causes")
    func timeoutAndSignal() {
        #expect(failed(SandboxOutputParser.outcome(of: output("", .timedOut(.seconds(2)))))?.summary == "Code timed out after 2 s")
        #expect(failed(SandboxOutputParser.outcome(of: output("", .signaled(24))))?.summary.contains("SIGXCPU") == true)
    }

    @Test("context_updates that is not an object fails")
    func updatesNotObject() {
        let outcome = SandboxOutputParser.outcome(of: output(#"{"status": "success", "context_updates": [1]}"#))
        #expect(failed(outcome)?.cause == .updatesNotAnObject)
    }

    @Test("a failure quotes only the last 2 KB of each stream")
    func quotesTail() throws {
        let long = String(repeating: "a", count: 5000) + "END"
        let failure = try #require(failed(SandboxOutputParser.outcome(of: output(long, stderr: long, .exited(1)))))
        #expect(failure.stdoutTail.count == SandboxFailure.quotedBytes)
        #expect(failure.stdoutTail.hasSuffix("END"))
        #expect(failure.stderrTail.count == SandboxFailure.quotedBytes)
    }

    @Test("in truncated output the partial first line is not taken for a result, and the truncation is reported")
    func truncatedFirstLine() throws {
        let cut = output("noise {\"z\": 9}\n", cap: 9)
        #expect(cut.stdout.text == "{\"z\": 9}\n")
        #expect(failed(SandboxOutputParser.outcome(of: cut))?.cause == .noResultObject)
        let failure = try #require(failed(SandboxOutputParser.outcome(of: output(String(repeating: "y", count: 100), cap: 40))))
        #expect(failure.truncationNotes == ["stdout exceeded the 40-byte cap: 100 bytes written, the first 60 discarded"])
    }
}
