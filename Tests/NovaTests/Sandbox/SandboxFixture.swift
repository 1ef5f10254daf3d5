import Foundation
import NovaCore
import NovaJSON

/// One probed sandbox shared by the sandbox tests (probing costs a few hundred milliseconds), and helpers.
enum SandboxFixture {
    private static let probed = Task { await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil)) }

    /// The shared sandbox, running `/usr/bin/python3`.
    static var sandbox: ProcessSandbox {
        get async { await probed.value }
    }

    /// The environment made by `scripts/setup-sandbox.sh` (`NOVA_SANDBOX_VENV`, default `./data/sandbox-venv`), if any.
    static var packagesEnvironment: URL? {
        let url = URL(fileURLWithPath: ProcessInfo.processInfo.environment["NOVA_SANDBOX_VENV"] ?? "data/sandbox-venv")
        return FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("bin/python3").path) ? url : nil
    }

    /// Runs generated `code` (which prints its own result) and returns its updates, or nil on failure.
    static func updates(_ code: String, context: [String: JSONValue] = [:], network: SandboxNetwork = .none) async throws -> [String: JSONValue]? {
        let result = try await sandbox.run(SandboxJob(code: code, context: context, kind: .generated, timeout: .seconds(20), network: network))
        if case .success(let updates) = result.outcome { return updates }
        return nil
    }

    /// Python that prints `{"status": "success", "context_updates": {"<key>": <expression>}}`.
    static func report(_ key: String, _ expression: String, importing modules: String = "json") -> String {
        #"import \#(modules); print(json.dumps({"status": "success", "context_updates": {"\#(key)": \#(expression)}}))"#
    }

    /// Whether a host process has `argument` among its command-line arguments (the host sees every PID namespace).
    static func hostProcessExists(withArgument argument: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.contains { entry in
            guard Int(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
        }
    }
}
