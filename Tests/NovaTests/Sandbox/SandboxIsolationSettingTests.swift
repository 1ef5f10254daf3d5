import Foundation
import NovaCore
import NovaJSON
import Testing

/// `SANDBOX_ISOLATION`: a mode that cannot be enforced refuses node code instead of falling back, and rlimits only
/// happens only when asked for.
@Suite("Sandbox isolation setting")
struct SandboxIsolationSettingTests {
    @Test("asking for namespaces where bubblewrap cannot run refuses node code with what is missing and how to accept less")
    func refusal() async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.bubblewrap = "/nonexistent/bwrap"
        configuration.isolation = .namespaces
        let sandbox = await ProcessSandbox(configuration: configuration)
        #expect(sandbox.status.name == "refused")
        #expect(sandbox.status.mode == nil)
        let reason = try #require(sandbox.status.reason)
        #expect(reason.contains("SANDBOX_ISOLATION=namespaces, but bubblewrap cannot run here"), "\(reason)")
        #expect(reason.contains("/nonexistent/bwrap") && reason.contains("SANDBOX_ISOLATION=rlimits-only"))
        let error = await #expect(throws: SandboxRefusedError.self) {
            try await sandbox.run(SandboxJob(code: "context['x'] = 1", context: [:], kind: .handWritten, network: .none))
        }
        #expect(error?.description.hasPrefix("Sandbox refuses to run node code: SANDBOX_ISOLATION=namespaces") == true)
    }

    @Test("rlimits-only is degraded, says so, and runs the code without confinement")
    func rlimitsOnly() async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.isolation = .rlimitsOnly
        let sandbox = await ProcessSandbox(configuration: configuration)
        #expect(sandbox.status.name == "degraded")
        #expect(sandbox.status.mode == .rlimitsOnly)
        #expect(sandbox.status.reason?.hasPrefix("SANDBOX_ISOLATION=rlimits-only") == true)
        let job = SandboxJob(code: "context['x'] += 1", context: ["x": .int(1)], kind: .handWritten, timeout: .seconds(20), network: .none)
        #expect(try await sandbox.run(job).outcome == .success(updates: ["x": .int(2)]))
    }

    @Test("every mode's name is the value SANDBOX_ISOLATION takes")
    func names() {
        #expect(SandboxMode.allCases.map(\.rawValue) == ["namespaces", "landlock", "rlimits-only"])
    }
}
