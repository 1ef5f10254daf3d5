import Foundation
import NovaCore
import NovaJSON
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Containment without namespaces (``SandboxMode/landlock``, the mode of an ordinary container): each probe is also
/// run with rlimits only, where it must get through, so a confinement that silently stopped working fails here.
@Suite("Sandbox containment under Landlock")
struct SandboxLandlockTests {
    private static let landlock = Task { await sandbox(.landlock) }
    private static let rlimitsOnly = Task { await sandbox(.rlimitsOnly) }

    private static func sandbox(_ mode: SandboxMode) async -> ProcessSandbox {
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.isolation = mode
        return await ProcessSandbox(configuration: configuration)
    }

    /// Python that tries each thing nova's data and machine must be safe from and reports what happened.
    private static func probes(data: String, outside: String) -> String {
        """
        import json, os, socket, subprocess
        results = {}
        def attempt(name, action):
            try:
                action()
                results[name] = "done"
            except OSError as error:
                results[name] = type(error).__name__
        def write(path):
            with open(path, "w") as handle:
                handle.write("x")
        attempt("read /proc/1/environ", lambda: open("/proc/1/environ", "rb").read())
        attempt("read nova's data", lambda: open("\(data)/nova.sqlite").read())
        attempt("list nova's data", lambda: os.listdir("\(data)"))
        attempt("write nova's data", lambda: write("\(data)/planted"))
        attempt("write outside the scratch directory", lambda: write("\(outside)"))
        attempt("open an internet socket", lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).close())
        attempt("open a unix socket", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close())
        attempt("signal nova", lambda: os.kill(\(getpid()), 0))
        attempt("leave the process group", lambda: subprocess.run(["true"], start_new_session=True))
        attempt("write the scratch directory", lambda: write(os.path.join(os.environ["TMPDIR"], "mine")))
        attempt("run a program", lambda: subprocess.run(["true"], check=True))
        results["cwd is TMPDIR"] = os.getcwd() == os.environ["TMPDIR"]
        print(json.dumps({"status": "success", "context_updates": results}))
        """
    }

    /// A directory standing in for nova's data: world-readable and world-writable, so that only the confinement
    /// keeps the sandbox out, whatever user it runs as.
    private func withData(_ body: (String) async throws -> Void) async throws {
        let data = "/tmp/nova-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        try "secret".write(toFile: data + "/nova.sqlite", atomically: false, encoding: .utf8)
        chmod(data, 0o777)
        chmod(data + "/nova.sqlite", 0o644)
        try await body(data)
    }

    private func probe(_ sandbox: ProcessSandbox, data: String) async throws -> [String: JSONValue] {
        let outside = "\(data)-outside"
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let job = SandboxJob(code: Self.probes(data: data, outside: outside), context: [:], kind: .generated, timeout: .seconds(20), network: .none)
        let result = try await sandbox.run(job)
        guard case .success(let updates) = result.outcome else {
            Issue.record("\(result.outcome)")
            return [:]
        }
        return updates
    }

    @Test("Landlock works here: the status is enforced and says what namespaces would add")
    func status() async {
        let sandbox = await Self.landlock.value
        #expect(sandbox.status.name == "enforced")
        #expect(sandbox.status.mode == .landlock)
        #expect(sandbox.status.reason?.contains("no network") == true, "\(sandbox.status)")
    }

    @Test("node code cannot read /proc/1/environ or nova's data, write outside its scratch directory, open a socket or signal nova")
    func containment() async throws {
        try await withData { data in
            let updates = try await probe(await Self.landlock.value, data: data)
            for denied in [
                "read /proc/1/environ", "read nova's data", "list nova's data", "write nova's data", "write outside the scratch directory",
                "open an internet socket", "open a unix socket", "signal nova", "leave the process group",
            ] {
                #expect(updates[denied] == .string("PermissionError"), "\(denied): \(updates[denied] ?? .null)")
            }
            #expect(updates["write the scratch directory"] == "done")
            #expect(updates["run a program"] == "done")
            #expect(updates["cwd is TMPDIR"] == true)
            #expect(!FileManager.default.fileExists(atPath: data + "/planted"))
        }
    }

    @Test("the same probes get through with rlimits only, so the containment test sees a missing confinement")
    func controlWithoutConfinement() async throws {
        try await withData { data in
            let updates = try await probe(await Self.rlimitsOnly.value, data: data)
            for allowed in [
                "read nova's data", "list nova's data", "write nova's data", "write outside the scratch directory", "open an internet socket",
            ] {
                #expect(updates[allowed] == "done", "\(allowed): \(updates[allowed] ?? .null)")
            }
        }
    }

    @Test("each run gets a fresh scratch directory that is removed afterwards, even one the code made hard to remove")
    func scratchDirectory() async throws {
        let code = """
            import json, os
            locked = os.path.join(os.environ["TMPDIR"], "locked")
            os.makedirs(os.path.join(locked, "inner"))
            open(os.path.join(locked, "inner", "file"), "w").write("x")
            os.chmod(locked, 0)
            print(json.dumps({"status": "success", "context_updates": {"scratch": os.environ["TMPDIR"]}}))
            """
        let sandbox = await Self.landlock.value
        var seen: [String] = []
        for _ in 0..<2 {
            let result = try await sandbox.run(SandboxJob(code: code, context: [:], kind: .generated, timeout: .seconds(20), network: .none))
            guard case .success(let updates) = result.outcome, let scratch = updates["scratch"]?.stringValue else {
                Issue.record("\(result.outcome)")
                return
            }
            #expect(!FileManager.default.fileExists(atPath: scratch), "\(scratch) was left behind")
            seen.append(scratch)
        }
        #expect(Set(seen).count == 2)
    }

    @Test("on timeout every process the code started is killed: it cannot leave nova's process group")
    func timeoutKillsChildren() async throws {
        let code = "import subprocess\nsubprocess.Popen(['sleep', '1234.6'])\nwhile True: pass"
        let result = try await (await Self.landlock.value).run(
            SandboxJob(code: code, context: [:], kind: .generated, timeout: .seconds(2), network: .none))
        #expect(result.output.termination == .timedOut(.seconds(2)))
        try await Task.sleep(for: .milliseconds(200))
        #expect(!SandboxFixture.hostProcessExists(withArgument: "1234.6"))
    }
}
