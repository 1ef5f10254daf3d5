import Foundation
import NovaCore
import NovaJSON
import Testing

/// The sandbox circuit breaker around the real process sandbox: a sandbox whose interpreter is missing is broken
/// infrastructure; putting the interpreter in place repairs it.
@Suite("Sandbox circuit breaker")
struct SandboxCircuitBreakerTests {
    private let job = SandboxJob(code: "context['x'] = 1", context: [:], kind: .handWritten, timeout: .seconds(20), network: .none)

    /// A folder readable by the sandbox's unprivileged user, where `python3` does not exist yet.
    private func emptyInterpreterFolder() throws -> URL {
        let folder = URL(fileURLWithPath: "/tmp/nova-breaker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return folder
    }

    private func guarded(_ base: any Sandbox, _ states: any CircuitBreakerStateStore, openDuration: Duration) -> CircuitBreakingSandbox {
        let publisher = BreakerStatePublisher(
            name: CircuitBreakingSandbox.breakerName, failureThreshold: CircuitBreakingSandbox.failureThreshold, states: states,
            clock: SystemWallClock(), logger: TestEnvironment.logger)
        return CircuitBreakingSandbox(base, publisher: publisher, openDuration: openDuration)
    }

    @Test("five infrastructure failures open it: runs then fail at once without spawning, nodes say so; one trial after the open period closes it")
    func opensAndCloses() async throws {
        let folder = try emptyInterpreterFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let interpreter = folder.appendingPathComponent("python3")
        let base = await ProcessSandbox(configuration: SandboxConfiguration(interpreter: interpreter.path, readOnlyPaths: [folder.path]))
        let (longStates, shortStates) = (MemoryCircuitBreakerStateStore(), MemoryCircuitBreakerStateStore())
        let long = guarded(base, longStates, openDuration: .seconds(300))
        let short = guarded(base, shortStates, openDuration: .milliseconds(100))
        for _ in 1...4 {
            await #expect(throws: SandboxInfrastructureError.self) { try await long.run(job) }
            await #expect(throws: SandboxInfrastructureError.self) { try await short.run(job) }
        }
        #expect(await longStates.snapshot(name: "sandbox")?.state == .closed)
        #expect(await longStates.snapshot(name: "sandbox")?.failureCount == 4)
        await #expect(throws: SandboxInfrastructureError.self) { try await long.run(job) }
        await #expect(throws: SandboxInfrastructureError.self) { try await short.run(job) }
        let open = try #require(await longStates.snapshot(name: "sandbox"))
        #expect(open.state == .open)
        #expect(open.failureCount == 5)
        #expect(open.failureThreshold == 5)
        #expect(open.openedAt != nil)

        // The interpreter is in place now: only a breaker that lets the run through would succeed.
        try FileManager.default.createSymbolicLink(atPath: interpreter.path, withDestinationPath: "/usr/bin/python3")
        await #expect(throws: SandboxBreakerOpenError(failures: 5, openDuration: .seconds(300))) { try await long.run(job) }
        let store: any ExecutionStore = MemoryExecutionStore()
        let runner = WorkflowRunner(sandbox: long, promptExecutor: nil, executions: store, clock: SystemWallClock())
        let execution = try await store.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: Date()), at: Date())
        let outcome = try await runner.run(
            WorkflowRun(executionID: execution.id, workflowID: 1, graph: try WorkflowGraph(definition: GraphFixtures.linear), context: [:]))
        #expect(
            outcome.failure?.message.hasPrefix(
                "Unexpected error in node read: Sandbox circuit breaker is OPEN: 5 consecutive sandbox infrastructure failures") == true)

        try await Task.sleep(for: .milliseconds(200))
        #expect(try await short.run(job).outcome == .success(updates: ["x": .int(1)]))
        let closed = try #require(await shortStates.snapshot(name: "sandbox"))
        #expect(closed.state == .closed)
        #expect(closed.failureCount == 0)
        #expect(closed.openedAt == nil)
    }

    @Test("failures of the user's code are results and never count")
    func userFailuresDoNotCount() async throws {
        let states = MemoryCircuitBreakerStateStore()
        let sandbox = guarded(await SandboxFixture.sandbox, states, openDuration: .seconds(300))
        for code in ["raise SystemExit(3)", "1 / 0", "print('no json')", "import time; time.sleep(5)", "raise SystemExit(4)", "1 / 0"] {
            let result = try await sandbox.run(SandboxJob(code: code, context: [:], kind: .generated, timeout: .seconds(3), network: .none))
            guard case .failure = result.outcome else {
                Issue.record("\(code) did not fail")
                continue
            }
        }
        #expect(try await sandbox.run(job).outcome == .success(updates: ["x": .int(1)]))
        #expect(await states.snapshot(name: "sandbox")?.state == .closed)
        #expect(await states.snapshot(name: "sandbox")?.failureCount == 0)
    }
}
