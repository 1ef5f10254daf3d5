import Foundation
import NovaCore
import NovaJSON

/// Engine overhead per node: the real ``WorkflowRunner`` over the in-memory execution store runs linear workflows of
/// trivial action nodes (1) with a sandbox that answers at once, so all the time is the engine's own work (state
/// machine, cancellation check and watch, progress, redaction, chain entry), and (2) with the real `ProcessSandbox`
/// (bubblewrap, network none), where the engine's share is the run's wall time minus the nodes' own times as the chain
/// records them (each node's time covers its sandbox run). Prints a Markdown table in milliseconds per node visit.
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
        guard sandbox.status.name == "enforced" else {
            FileHandle.standardError.write(Data("the sandbox is not enforced here: \(sandbox.status)\n".utf8))
            exit(1)
        }
        print("| measurement (ms per node visit, start and end included) | median | min | max |")
        print("|---|---:|---:|---:|")
        let instant = try await perVisit(sandbox: InstantSandbox(), actions: instantNodes, runs: instantRuns)
        row("engine alone: \(instantNodes) actions × \(instantRuns) runs, instant sandbox", instant.map(\.wall))
        let real = try await perVisit(sandbox: sandbox, actions: sandboxNodes, runs: sandboxRuns)
        row("real sandbox: \(sandboxNodes) actions × \(sandboxRuns) runs, wall time", real.map(\.wall))
        row("real sandbox: engine overhead (wall − the nodes' own times)", real.map(\.overhead))
    }

    /// The node code every action runs.
    static let code = "context['n'] = context.get('n', 0) + 1"

    /// Per node visit of each run of start → `actions` trivial actions → end: wall milliseconds, and the milliseconds
    /// not spent inside the nodes.
    private static func perVisit(sandbox: any Sandbox, actions: Int, runs: Int) async throws -> [(wall: Double, overhead: Double)] {
        let ids = (0..<actions).map { "n\($0)" }
        let nodes: [JSONValue] =
            [.object(["id": "start", "type": "start"])]
            + ids.map { .object(["id": .string($0), "type": "action", "executor": "e2b", "code": .string(code)]) } + [
                .object(["id": "end", "type": "end"])
            ]
        let chain = ["start"] + ids + ["end"]
        let edges: [JSONValue] = zip(chain, chain.dropFirst()).map { .object(["from": .string($0), "to": .string($1)]) }
        let graph = try WorkflowGraph(definition: .object(["nodes": .array(nodes), "edges": .array(edges)]))
        let store: any ExecutionStore = MemoryExecutionStore()
        let runner = WorkflowRunner(sandbox: sandbox, promptExecutor: nil, executions: store, clock: SystemWallClock(), defaultNetwork: .none)
        var samples: [(wall: Double, overhead: Double)] = []
        for run in -1..<runs {
            let execution = try await store.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: Date()), at: Date())
            let started = ContinuousClock.now
            let outcome = try await runner.run(
                WorkflowRun(executionID: execution.id, workflowID: 1, graph: graph, networkAllowed: false, context: ["seed": 1]))
            let elapsed = milliseconds(ContinuousClock.now - started)
            guard outcome.status == .completed, let visits = outcome.nodesExecuted else { throw BenchmarkFailure(description: "\(outcome)") }
            let inNodes = try await store.chain(executionID: execution.id).reduce(0) { $0 + $1.record.executionTime * 1e3 }
            if run >= 0 { samples.append((elapsed / Double(visits), (elapsed - inNodes) / Double(visits))) }
        }
        return samples
    }

    private static func row(_ name: String, _ samples: [Double]) {
        let sorted = samples.sorted()
        print(
            "| \(name) | " + [median(sorted), sorted[0], sorted[sorted.count - 1]].map { String(format: "%.3f", $0) }.joined(separator: " | ") + " |")
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
    var status: SandboxStatus { .enforced(.namespaces) }

    func run(_ job: SandboxJob) async throws -> SandboxResult {
        let empty = CapturedStream(bytes: [], totalBytes: 0)
        return SandboxResult(
            outcome: .success(updates: [:]), output: SandboxOutput(termination: .exited(0), stdout: empty, stderr: empty, duration: .zero))
    }
}
