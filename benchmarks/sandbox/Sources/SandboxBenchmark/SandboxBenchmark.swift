import Foundation
import NovaCore

/// Start-up cost of one sandboxed run of a trivial program, through the real `ProcessSandbox` code path, against plain
/// `python3` started by Foundation's `Process`. Prints a Markdown table (milliseconds; p50, p95, mean, min, max).
///
/// Usage: `SandboxBenchmark [runs]` (default 30, after 3 warm-up runs per variant).
@main
struct SandboxBenchmark {
    static func main() async throws {
        let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 30
        let configuration = SandboxConfiguration(virtualEnvironment: nil)
        let enforced = await ProcessSandbox(configuration: configuration)
        guard enforced.status == .enforced(.namespaces) else {
            FileHandle.standardError.write(Data("the sandbox is not enforced here: \(enforced.status)\n".utf8))
            exit(1)
        }
        var confined = configuration
        confined.isolation = .landlock
        let landlock = await ProcessSandbox(configuration: confined)
        var unconfined = configuration
        unconfined.isolation = .rlimitsOnly
        let rlimitsOnly = await ProcessSandbox(configuration: unconfined)

        let code = #"print('{"status": "success", "context_updates": {"ok": true}}')"#
        let variants: [(String, () async throws -> Void)] = [
            ("plain python3 (Foundation Process, no sandbox)", { try plainPython(configuration.interpreter, code) }),
            ("ProcessSandbox, rlimits only (SANDBOX_ISOLATION=rlimits-only)", { try await expectSuccess(rlimitsOnly, code, .none) }),
            ("ProcessSandbox, Landlock and seccomp", { try await expectSuccess(landlock, code, .none) }),
            ("ProcessSandbox, bubblewrap, network none", { try await expectSuccess(enforced, code, .none) }),
            ("ProcessSandbox, bubblewrap + slirp4netns (internet)", { try await expectSuccess(enforced, code, .internet) }),
        ]
        print("| variant (\(runs) runs each) | p50 ms | p95 ms | mean ms | min ms | max ms |")
        print("|---|---:|---:|---:|---:|---:|")
        for (name, body) in variants {
            for _ in 0..<3 { try await body() }
            var samples: [Double] = []
            for _ in 0..<runs {
                let started = ContinuousClock.now
                try await body()
                let elapsed = ContinuousClock.now - started
                samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
            }
            samples.sort()
            let cells = [
                percentile(samples, 0.50), percentile(samples, 0.95), samples.reduce(0, +) / Double(samples.count), samples[0],
                samples[samples.count - 1],
            ]
            print("| \(name) | " + cells.map { String(format: "%.1f", $0) }.joined(separator: " | ") + " |")
        }
    }

    private static func expectSuccess(_ sandbox: ProcessSandbox, _ code: String, _ network: SandboxNetwork) async throws {
        let result = try await sandbox.run(SandboxJob(code: code, context: [:], kind: .generated, timeout: .seconds(30), network: network))
        guard case .success = result.outcome else { throw BenchmarkFailure(description: "\(result.outcome)") }
    }

    private static func plainPython(_ interpreter: String, _ code: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-I", "-c", code]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !bytes.isEmpty else { throw BenchmarkFailure(description: "python3 failed") }
    }

    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    private struct BenchmarkFailure: Error, CustomStringConvertible {
        let description: String
    }
}
