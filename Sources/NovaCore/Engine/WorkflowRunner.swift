import Foundation
import NovaJSON

/// Runs a workflow execution node by node (docs/api.md §3.8): asks the ``RunStateMachine`` what runs next, runs it,
/// merges its updates, journals a redacted chain entry per node (with the sealed ``RunCheckpoint`` in the same
/// transaction), and ends the execution by compare-and-set.
///
/// A resumed run replays its journal's finished entries and continues with the next node: finished nodes are not run
/// again; the node that was running when the previous worker died runs again (at-least-once for that node).
///
/// A cancellation request on the execution is honoured before each node (the chain append that ends a node reports
/// it) and, while a node runs, within ``cancellationPollInterval``: the node's task is cancelled, which kills its
/// sandbox.
package struct WorkflowRunner: Sendable {
    /// Runs hand-written (`e2b`) node code.
    package let sandbox: any Sandbox
    /// Runs `cached` (prompt) nodes; nil fails such nodes.
    package let promptExecutor: (any PromptNodeExecutor)?
    /// Where the execution, its chain and its outcome live.
    package let executions: any ExecutionStore
    /// Timestamps of chain entries and of completion.
    package let clock: any WallClock
    /// The network nodes get unless they or the workflow say `"network": false` (`SANDBOX_NETWORK`).
    package let defaultNetwork: SandboxNetwork
    /// How often a running node checks for a cancellation request.
    package let cancellationPollInterval: Duration
    /// Seals the checkpoints (`NOVA_SECRET_KEY`); nil writes none, and such a run cannot be resumed.
    package let cipher: CredentialCipher?

    /// Creates the runner.
    package init(
        sandbox: any Sandbox, promptExecutor: (any PromptNodeExecutor)?, executions: any ExecutionStore, clock: any WallClock,
        defaultNetwork: SandboxNetwork = .internet, cancellationPollInterval: Duration = .milliseconds(250), cipher: CredentialCipher? = nil
    ) {
        self.cipher = cipher
        self.sandbox = sandbox
        self.promptExecutor = promptExecutor
        self.executions = executions
        self.clock = clock
        self.defaultNetwork = defaultNetwork
        self.cancellationPollInterval = cancellationPollInterval
    }

    /// Runs `run` to its end and records the outcome on its execution, which must be `running`.
    ///
    /// Throws store errors, ``ExecutionLeaseLost`` when another worker took the run over, and ``WorkflowRunnerError``
    /// when the execution was no longer `running` (or no longer this worker's) at the end.
    /// `progress` is told each node as it starts (the report runs beside the node and is awaited before the node's
    /// chain entry is written), with the number of nodes finished so far.
    package func run(_ run: WorkflowRun, progress: @Sendable (_ node: GraphNode, _ nodesDone: Int) async throws -> Void = { _, _ in }) async throws
        -> WorkflowRunOutcome
    {
        let redactor = SecretRedactor(context: run.context, extraSecrets: run.secrets)
        var machine = RunStateMachine(graph: run.graph)
        var context = run.context
        let finished = run.journal.filter { $0.status == "success" }
        var trace = finished.map { WorkflowRunOutcome.TraceEntry(nodeID: $0.nodeID, nodeType: $0.nodeType, status: $0.status) }
        var step = machine.replay(finished.map(Self.journalEntry))
        // Before the first node the request is read; before each later one, the last chain append reported it.
        var cancelled = try await cancellationRequested(run.executionID)
        while case .run(let node) = step {
            if cancelled {
                step = machine.cancel()
                break
            }
            // The progress report is its own round trip: it runs beside the node, not before it.
            let nodesDone = machine.finishedNodes.count
            async let reported: Void = progress(node, nodesDone)
            let timestamp = clock.now()
            let started = ContinuousClock.now
            let before = context
            let watched = try await watchingCancellation(of: run.executionID) {
                try await self.output(of: node, context: before, run: run, redactor: redactor)
            }
            try await reported
            guard let output = watched else {
                step = machine.cancel()
                break
            }
            let elapsed = ContinuousClock.now - started
            switch output.result {
            case .success(let updates):
                context = ContextMerge.merge(updates, into: context)
                step = machine.nodeSucceeded(context: context)
            case .failure(let failure):
                step = machine.nodeFailed(failure)
            }
            let record = entry(
                for: node, output: output, before: before, after: context, next: step, elapsed: elapsed, timestamp: timestamp, redactor: redactor)
            let checkpoint = try cipher.map { try RunCheckpoint(context: context, secrets: run.secrets).sealed(with: $0) }
            let appended = try await executions.appendChainEntry(
                executionID: run.executionID, record, steps: output.steps, checkpoint: checkpoint, owner: run.leaseOwner)
            guard let appended else {
                throw WorkflowRunnerError.executionMissing(run.executionID)
            }
            cancelled = appended.cancellationRequested
            trace.append(.init(nodeID: node.id, nodeType: node.kind.rawValue, status: record.status))
        }
        return try await finish(run, step: step, context: redactor.redact(.object(context)), trace: trace, redactor: redactor)
    }

    /// A finished chain entry as the state machine replays it. The chain's context is redacted, so a decision routes
    /// by the value the entry recorded (`decision_result`), which a secret-looking decision key would otherwise hide.
    private static func journalEntry(_ record: ChainEntryRecord) -> RunStateMachine.JournalEntry {
        var context = record.outputResult.objectValue ?? [:]
        if let decision = record.decisionResult {
            context[record.nodeID] = .string(decision)
        }
        return .init(nodeID: record.nodeID, context: context)
    }

    private func entry(
        for node: GraphNode, output: NodeOutput, before: [String: JSONValue], after: [String: JSONValue], next: RunStateMachine.Step,
        elapsed: Duration,
        timestamp: Date, redactor: SecretRedactor
    ) -> ChainEntryRecord {
        var failedHere: RunFailure?
        var pathTaken: String?
        switch next {
        case .failed(let failure) where failure.nodeID == node.id: failedHere = failure
        case .run(let target) where node.kind == .decision: pathTaken = target.id
        default: break
        }
        let seconds = elapsed.seconds
        return ChainEntryRecord(
            nodeID: node.id, nodeType: node.kind.rawValue, codeExecuted: output.code.map(redactor.redact),
            inputContext: redactor.redact(.object(before)),
            outputResult: redactor.redact(.object(after)), executionTime: seconds, status: failedHere == nil ? "success" : "failed",
            errorMessage: failedHere.map { redactor.redact($0.detail) },
            decisionResult: node.kind == .decision ? RunStateMachine.decisionValue(of: node.id, in: after) : nil, pathTaken: pathTaken,
            aiMetadata: redactor.redactValues(output.aiMetadata), timestamp: timestamp)
    }

    private func finish(
        _ run: WorkflowRun, step: RunStateMachine.Step, context: JSONValue, trace: [WorkflowRunOutcome.TraceEntry], redactor: SecretRedactor
    ) async throws -> WorkflowRunOutcome {
        let executionID = run.executionID
        let outcome: WorkflowRunOutcome
        switch step {
        case .finished(let visits):
            outcome = WorkflowRunOutcome(status: .completed, context: context, trace: trace, nodesExecuted: visits, failure: nil)
        case .failed(let failure):
            var redacted = failure
            redacted.detail = redactor.redact(failure.detail)
            outcome = WorkflowRunOutcome(status: .failed, context: context, trace: trace, nodesExecuted: nil, failure: redacted)
        case .cancelled, .run:
            outcome = WorkflowRunOutcome(status: .cancelled, context: context, trace: trace, nodesExecuted: nil, failure: nil)
        }
        let error = outcome.failure?.message ?? (outcome.status == .cancelled ? WorkflowRunnerError.cancelledMessage : nil)
        let transition = ExecutionTransition(
            status: outcome.status, completedAt: clock.now(), result: context, error: error, leaseOwner: run.leaseOwner)
        guard try await executions.transition(id: executionID, from: .running, to: transition) else {
            throw WorkflowRunnerError.executionNotRunning(executionID)
        }
        return outcome
    }

    private func cancellationRequested(_ executionID: Int) async throws -> Bool {
        guard let execution = try await executions.execution(id: executionID) else { throw WorkflowRunnerError.executionMissing(executionID) }
        return execution.cancelRequestedAt != nil
    }

    /// The node's output, or nil when cancellation was requested first (the node's task is then cancelled).
    private func watchingCancellation(of executionID: Int, _ body: @escaping @Sendable () async throws -> NodeOutput) async throws -> NodeOutput? {
        try await withBeat(every: cancellationPollInterval, beat: { try await !cancellationRequested(executionID) }, run: body)
    }
}

/// Why ``WorkflowRunner/run(_:)`` could not record its outcome.
package enum WorkflowRunnerError: Error, Equatable, CustomStringConvertible {
    /// The execution row does not exist (deleted with its workflow).
    case executionMissing(Int)
    /// The execution was no longer `running` when the run ended.
    case executionNotRunning(Int)

    /// The `error` of an execution cancelled on request.
    package static let cancelledMessage = "Execution cancelled on request"

    /// A sentence for logs and task errors.
    package var description: String {
        switch self {
        case .executionMissing(let id): "Execution \(id) no longer exists"
        case .executionNotRunning(let id): "Execution \(id) was no longer running when its run ended"
        }
    }
}
