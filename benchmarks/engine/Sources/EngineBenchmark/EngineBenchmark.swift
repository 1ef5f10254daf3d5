import Foundation
import NovaCore
import NovaJSON

/// Engine overhead per node: the real ``WorkflowRunner`` over the in-memory execution store runs linear workflows of
/// trivial action nodes (1) with a sandbox that answers at once, so every millisecond is the engine's own work
/// (state machine, cancellation check and watch, redaction, chain entry), and (2) with the real `ProcessSandbox`
/// (bubblewrap, network none), next to the same node code run directly in that sandbox, so the difference is the
/// engine's cost beside a real process start. Prints a Markdown table in milliseconds per node visit.
///
/// Usage: `EngineBenchmark [instant-nodes] [instant-runs] [sandbox-nodes] [sandbox-runs]` (default 200 20 20 5).
@main
struct EngineBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        func argument(_ index: Int, _ fallback: Int) -> Int { index < arguments.count ? arguments[index] : fallback }
        let instantNodes = argument(0, 200)
        let instantRuns = argument(1, 20)
        let sandboxNodes = argument(2, 20)
        let sandboxRuns = argument(3, 5)

        let sandbox = await ProcessSandbox(configuration: SandboxConfiguration(virtualEnvironment: nil))
        guard sandbox.status == .enforced else {
            FileHandle.standardError.write(Data("the sandbox is not enforced here: \(sandbox.status)\n".utf8))
            exit(1)
        }
        print("| measurement | median ms/node | min ms/node | max ms/node |")
        print("|---|---:|---:|---:|")
        let engine = try await perVisit(sandbox: InstantSandbox(), actions: instantNodes, runs: instantRuns)
        row("engine alone: \(instantNodes)-action workflow × \(instantRuns) runs, instant sandbox, memory store", engine)
        let withSandbox = try await perVisit(sandbox: sandbox, actions: sandboxNodes, runs: sandboxRuns)
        row("engine + real sandbox: \(sandboxNodes)-action workflow × \(sandboxRuns) runs (start/end included)", withSandbox)
        let alone = try await sandboxAlone(sandbox, runs: sandboxNodes * sandboxRuns)
        row("the same node code run directly in the sandbox (\(sandboxNodes * sandboxRuns) runs)", alone)
        let actionShare = Double(sandboxNodes) / Double(sandboxNodes + 2)
        print(
            "\nengine overhead beside the real sandbox (median per visit − median sandbox run × \(String(format: "%.2f", actionShare)) action share): "
                + String(format: "%.2f ms per node", median(withSandbox) - median(alone) * actionShare))
    }

    /// The node code every action runs.
    static let code = "context['n'] = context.get('n', 0) + 1"

    /// Milliseconds per node visit of each run of start → `actions` trivial actions → end.
    private static func perVisit(sandbox: any Sandbox, actions: Int, runs: Int) async throws -> [Double] {
        let ids = (0..<actions).map { "n\($0)" }
        let nodes: [JSONValue] =
            [.object(["id": "start", "type": "start"])]
            + ids.map { .object(["id": .string($0), "type": "action", "executor": "e2b", "code": .string(code)]) } + [.object(["id": "end", "type": "end"])]
        let chain = ["start"] + ids + ["end"]
        let edges: [JSONValue] = zip(chain, chain.dropFirst()).map { .object(["from": .string($0), "to": .string($1)]) }
        let graph = try WorkflowGraph(definition: .object(["nodes": .array(nodes), "edges": .array(edges)]))
        let store: any ExecutionStore = MemoryExecutionStore()
        let runner = WorkflowRunner(sandbox: sandbox, promptExecutor: nil, executions: store, clock: SystemWallClock(), defaultNetwork: .none)
        var samples: [Double] = []
        for run in -1..<runs {
            let execution = try await store.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: Date()), at: Date())
            let started = ContinuousClock.now
            let outcome = try await runner.run(WorkflowRun(executionID: execution.id, workflowID: 1, graph: graph, networkAllowed: false, context: ["seed": 1]))
            let elapsed = ContinuousClock.now - started
            guard outcome.status == .completed, let visits = outcome.nodesExecuted else { throw BenchmarkFailure(description: "\(outcome)") }
            if run >= 0 { samples.append(milliseconds(elapsed) / Double(visits)) }
        }
        return samples
    }

    /// Milliseconds of each direct run of the node code, as the runner would start it.
    private static func sandboxAlone(_ sandbox: ProcessSandbox, runs: Int) async throws -> [Double] {
        var samples: [Double] = []
        for run in -3..<runs {
            let job = SandboxJob(code: code, context: ["seed": 1, "n": .int(max(run, 0))], kind: .handWritten, timeout: .seconds(30), network: .none)
            let started = ContinuousClock.now
            let result = try await sandbox.run(job)
            let elapsed = ContinuousClock.now - started
            guard case .success = result.outcome else { throw BenchmarkFailure(description: "\(result.outcome)") }
            if run >= 0 { samples.append(milliseconds(elapsed)) }
        }
        return samples
    }

    private static func row(_ name: String, _ samples: [Double]) {
        let sorted = samples.sorted()
        print("| \(name) | " + [median(sorted), sorted[0], sorted[sorted.count - 1]].map { String(format: "%.3f", $0) }.joined(separator: " | ") + " |")
    }

    private static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }

    private struct BenchmarkFailure: Error, CustomStringConvertible {
        let description: String
    }
}

/// A sandbox that answers every job at once with an empty success: what remains is the engine's own time.
struct InstantSandbox: Sandbox {
    var status: SandboxStatus { .enforced }

    func run(_ job: SandboxJob) async throws -> SandboxResult {
        let empty = CapturedStream(bytes: [], totalBytes: 0)
        return SandboxResult(outcome: .success(updates: [:]), output: SandboxOutput(termination: .exited(0), stdout: empty, stderr: empty, duration: .zero))
    }
}
