import ArgumentParser

/// `nova worker`: a separate process that executes queued workflows.
///
/// Not yet implemented: the graph engine, queue and workers arrive with the durable-execution issue (#7).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Run a workflow worker (not yet implemented).")

    func run() async throws {
        print("nova worker: not yet implemented (the execution engine lands with issue #7)")
        throw ExitCode(2)
    }
}
