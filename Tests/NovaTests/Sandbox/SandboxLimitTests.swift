import Foundation
import NovaCore
import NovaJSON
import Testing

/// Runaway code is stopped and reported, and the host is unaffected: each test ends with a run that still works.
@Suite("Sandbox limits", .serialized)
struct SandboxLimitTests {
    private func run(_ code: String, timeout: Duration = .seconds(20), limits: SandboxLimits = .standard) async throws -> SandboxResult {
        try await SandboxFixture.sandbox.run(SandboxJob(code: code, context: [:], kind: .generated, timeout: timeout, network: .none, limits: limits))
    }

    private func failed(_ result: SandboxResult) -> SandboxFailure? {
        if case .failure(let failure) = result.outcome { return failure }
        return nil
    }

    private func expectSandboxStillWorks() async throws {
        #expect(try await SandboxFixture.updates(SandboxFixture.report("ok", "True")) == ["ok": .bool(true)])
    }

    private func waitForHostProcess(withArgument argument: String) async throws {
        for _ in 0..<250 where !SandboxFixture.hostProcessExists(withArgument: argument) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(SandboxFixture.hostProcessExists(withArgument: argument), "the sandbox never started \(argument)")
    }

    /// Runs `body` on a thread of its own and returns its value: timings taken there do not depend on Swift's
    /// cooperative pool, which CPU-heavy suites running in parallel (the embedder's) can keep busy for seconds.
    private static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    @Test("while True: pass with a 2 s timeout fails with a timeout after about 2 s and leaves no process behind")
    func timeout() async throws {
        let code = "import subprocess\nsubprocess.Popen(['sleep', '1234.5'], start_new_session=True)\nwhile True: pass"
        let result = try await run(code, timeout: .seconds(2))
        #expect(failed(result)?.cause == .timedOut(.seconds(2)))
        #expect(failed(result)?.message.hasPrefix("Code timed out after 2 s") == true)
        #expect(result.output.duration >= .seconds(2) && result.output.duration < .milliseconds(2500), "killed after \(result.output.duration)")
        #expect(!SandboxFixture.hostProcessExists(withArgument: "1234.5"))
        try await expectSandboxStillWorks()
    }

    @Test("cancelling the task kills the sandbox within 1 s and run throws CancellationError")
    func cancellation() async throws {
        let code = "import subprocess\nsubprocess.Popen(['sleep', '2345.5'], start_new_session=True)\nwhile True: pass"
        let running = Task { try await run(code, timeout: .seconds(60)) }
        try await waitForHostProcess(withArgument: "2345.5")
        let killedAfter = await Self.onOwnThread {
            let cancelled = ContinuousClock.now
            running.cancel()
            while SandboxFixture.hostProcessExists(withArgument: "2345.5"), ContinuousClock.now - cancelled < .seconds(5) {}
            return ContinuousClock.now - cancelled
        }
        #expect(killedAfter < .seconds(1))
        let outcome = await running.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(!SandboxFixture.hostProcessExists(withArgument: "2345.5"))
        try await expectSandboxStillWorks()
    }

    @Test("a fork bomb hits the process limit and is reported")
    func forkBomb() async throws {
        var limits = SandboxLimits.standard
        limits.processes = 32
        let result = try await run("import os\nwhile True:\n    os.fork()", timeout: .seconds(15), limits: limits)
        #expect(result.output.duration < .seconds(10))
        let failure = try #require(failed(result))
        #expect(failure.cause == .exitStatus(1))
        #expect(failure.stderrTail.contains("Resource temporarily unavailable"))
        try await expectSandboxStillWorks()
    }

    @Test("a fork bomb holding its processes does not take processes from sandboxes running beside it")
    func forkBombBesideOthers() async throws {
        var limits = SandboxLimits.standard
        limits.processes = 32
        let holdingBomb = "import os, time\ntry:\n    while True:\n        os.fork()\nexcept OSError:\n    time.sleep(2)\n    raise"
        let neighbour = """
            import json, subprocess, time
            time.sleep(0.5)
            children = [subprocess.Popen(["sleep", "0.5"]) for _ in range(8)]
            print(json.dumps({"status": "success", "context_updates": {"exits": [child.wait() for child in children]}}))
            """
        try await withThrowingTaskGroup(of: (bomb: Bool, result: SandboxResult).self) { group in
            let sandbox = await SandboxFixture.sandbox
            let bomb = SandboxJob(code: holdingBomb, context: [:], kind: .generated, timeout: .seconds(15), network: .none, limits: limits)
            let neighbourJob = SandboxJob(code: neighbour, context: [:], kind: .generated, timeout: .seconds(15), network: .none, limits: limits)
            group.addTask { (true, try await sandbox.run(bomb)) }
            for _ in 0..<3 { group.addTask { (false, try await sandbox.run(neighbourJob)) } }
            for try await (bomb, result) in group {
                if bomb {
                    #expect(failed(result)?.stderrTail.contains("Resource temporarily unavailable") == true)
                } else {
                    #expect(result.outcome == .success(updates: ["exits": .array(Array(repeating: .int(0), count: 8))]))
                }
            }
        }
    }

    @Test("a memory bomb hits the address-space limit and is reported")
    func memoryBomb() async throws {
        var limits = SandboxLimits.standard
        limits.addressSpaceBytes = 512 << 20
        let result = try await run("blocks = []\nwhile True:\n    blocks.append(bytearray(64 << 20))", limits: limits)
        let failure = try #require(failed(result))
        #expect(failure.cause == .exitStatus(1))
        #expect(failure.stderrTail.contains("MemoryError"))
        try await expectSandboxStillWorks()
    }

    @Test("a file past the file-size limit cannot be written")
    func fileSize() async throws {
        var limits = SandboxLimits.standard
        limits.fileSizeBytes = 1 << 20
        let result = try await run("open('/tmp/big', 'wb').write(b'x' * (2 << 20))", limits: limits)
        #expect(failed(result)?.stderrTail.contains("File too large") == true)
    }

    @Test("100 MiB on stdout and on stderr are capped at 1 MiB each, reported, and the result line still counts")
    func hugeOutput() async throws {
        let code = """
            import sys
            line = "x" * ((1 << 20) - 1) + "\\n"
            for _ in range(100):
                sys.stdout.write(line)
                sys.stderr.write(line)
            print('{"status": "success", "context_updates": {"done": true}}')
            """
        let result = try await run(code)
        #expect(result.output.duration < .seconds(10))
        #expect(result.outcome == .success(updates: ["done": .bool(true)]))
        #expect(result.output.stdout.bytes.count == 1 << 20)
        #expect(result.output.stdout.totalBytes > 100 << 20)
        #expect(result.output.stderr.bytes.count == 1 << 20)
        #expect(result.output.stderr.totalBytes == 100 << 20)

        let failing = try await run("import sys\nsys.stdout.write(('y' * 1023 + '\\n') * (100 << 10))\nsys.exit(2)")
        let failure = try #require(failed(failing))
        #expect(failure.cause == .exitStatus(2))
        #expect(failure.truncationNotes == ["stdout exceeded the 1048576-byte cap: 104857600 bytes written, the first 103809024 discarded"])
        try await expectSandboxStillWorks()
    }
}
