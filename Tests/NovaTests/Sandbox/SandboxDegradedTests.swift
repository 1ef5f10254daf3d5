import Foundation
import NovaCore
import NovaJSON
import Testing

/// Without bubblewrap the sandbox confines the code with Landlock and says why; a broken interpreter is an
/// infrastructure failure, not a code failure (D28).
@Suite("Sandbox fallback and infrastructure failures")
struct SandboxDegradedTests {
    @Test("without bubblewrap the sandbox is enforced with Landlock, the reason names bubblewrap's error, the contract and timeout work")
    func withoutBubblewrap() async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.bubblewrap = "/nonexistent/bwrap"
        let sandbox = await ProcessSandbox(configuration: configuration)
        #expect(sandbox.status.mode == .landlock)
        #expect(sandbox.status.name == "enforced")
        let reason = sandbox.status.reason ?? ""
        #expect(reason.contains("bubblewrap cannot run here"), "\(reason)")
        #expect(reason.contains("/nonexistent/bwrap"))
        #expect(reason.contains("no network"))
        let job = SandboxJob(code: "context['x'] += 1", context: ["x": .int(1)], kind: .handWritten, timeout: .seconds(20))
        #expect(try await sandbox.run(job).outcome == .success(updates: ["x": .int(2)]))
        let spinning = try await sandbox.run(SandboxJob(code: "while True: pass", context: [:], kind: .generated, timeout: .seconds(3)))
        #expect(spinning.outcome == .failure(SandboxFailure(cause: .timedOut(.seconds(3)), stdoutTail: "", stderrTail: "", truncationNotes: [])))
        #expect(spinning.output.duration < .milliseconds(4500))
    }

    @Test(
        "a slirp4netns that exits without attaching (as when nova is not root) means no internet, said in the reason, instead of hanging",
        .timeLimit(.minutes(1)))
    func slirpExitsEarly() async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.slirp4netns = "/bin/false"
        let sandbox = await ProcessSandbox(configuration: configuration)
        #expect(sandbox.status.mode == .namespaces)
        let reason = sandbox.status.reason ?? ""
        #expect(reason.contains("slirp4netns cannot attach a network"), "\(reason)")
        let job = SandboxJob(code: "context['x'] += 1", context: ["x": .int(1)], kind: .handWritten, timeout: .seconds(20), network: .internet)
        #expect(try await sandbox.run(job).outcome == .success(updates: ["x": .int(2)]))
    }

    @Test("a virtual environment the sandbox user cannot reach is named with the directory in the way")
    func unreachableVirtualEnvironment() async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("nova-private-\(UUID().uuidString)")
        let venv = parent.appendingPathComponent("sandbox-venv")
        try FileManager.default.createDirectory(at: venv.appendingPathComponent("bin"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createSymbolicLink(atPath: venv.appendingPathComponent("bin/python3").path, withDestinationPath: "/usr/bin/python3")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: parent.path)
        #expect(SandboxUser.nobody.unsearchableDirectory(onPathTo: venv.path) == parent.path)
        #expect(SandboxUser(uid: getuid(), gid: getgid()).unsearchableDirectory(onPathTo: venv.path) == nil)

        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: venv))
        if geteuid() == 0 {
            #expect(sandbox.status.name == "refused")
            let reason = sandbox.status.reason ?? ""
            #expect(reason.contains("cannot reach \(venv.path): it may not search \(parent.path)"), "\(reason)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path)
        #expect(SandboxUser.nobody.unsearchableDirectory(onPathTo: venv.path) == nil)
    }

    @Test("an interpreter that cannot start is reported and throws an infrastructure error instead of failing the code")
    func infrastructureFailure() async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.interpreter = "/nonexistent/python3"
        let sandbox = await ProcessSandbox(configuration: configuration)
        #expect(sandbox.status.mode == .namespaces, "the modes are probed with /usr/bin/python3")
        #expect(sandbox.status.reason?.hasPrefix("the interpreter /nonexistent/python3 cannot start") == true, "\(sandbox.status)")
        await #expect(throws: SandboxInfrastructureError.self) {
            try await sandbox.run(SandboxJob(code: "pass", context: [:], kind: .handWritten))
        }
    }

    @Test("a sandbox that cannot even start the interpreter within the timeout is an infrastructure failure")
    func startTimeout() async throws {
        let sandbox = await SandboxFixture.sandbox
        await #expect(throws: SandboxInfrastructureError.self) {
            try await sandbox.run(SandboxJob(code: "pass", context: [:], kind: .handWritten, timeout: .milliseconds(1), network: .internet))
        }
    }

    @Test("user-code failures are results, not thrown errors")
    func userFailureIsNotThrown() async throws {
        let result = try await SandboxFixture.sandbox.run(SandboxJob(code: "raise SystemExit(4)", context: [:], kind: .generated, network: .none))
        #expect(result.output.termination == .exited(4))
    }
}
