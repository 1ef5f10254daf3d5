import Foundation

/// Runs a python interpreter to completion without blocking a thread of the cooperative pool (output goes to files).
enum PythonProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The interpreter node code runs with: the sandbox's virtual environment (`NOVA_SANDBOX_VENV`, default
    /// `<repo>/data/sandbox-venv`, made by scripts/setup-sandbox.sh) when it exists, else `NOVA_SANDBOX_PYTHON`, else
    /// `python3` from the PATH.
    static var interpreter: (path: String, isSandboxEnvironment: Bool) {
        let environment = ProcessInfo.processInfo.environment
        let venv =
            environment["NOVA_SANDBOX_VENV"].map { URL(fileURLWithPath: $0) }
            ?? TestEnvironment.repository.appendingPathComponent("data/sandbox-venv")
        let python = venv.appendingPathComponent("bin/python3").path
        if FileManager.default.isExecutableFile(atPath: python) { return (python, true) }
        return (environment["NOVA_SANDBOX_PYTHON"] ?? "python3", false)
    }

    /// Runs `arguments` with the interpreter in `directory`, killing it after `timeout`.
    static func run(_ arguments: [String], in directory: URL, timeout: Duration = .seconds(60)) async throws -> Outcome {
        let id = UUID().uuidString
        let outURL = directory.appendingPathComponent(".out-\(id)")
        let errURL = directory.appendingPathComponent(".err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter.path] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let finished = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.finish() }
        }
        try process.run()
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in finished {}
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return true
            }
            if await group.next() == true { process.terminate() }
            group.cancelAll()
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        return Outcome(
            status: process.terminationStatus, stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
