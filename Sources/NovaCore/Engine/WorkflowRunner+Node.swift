import NovaJSON

extension WorkflowRunner {
    /// Runs one node: start and end do nothing, `e2b` code runs in the sandbox, `cached` nodes go to the prompt
    /// executor, `ai` fails. Throws only `CancellationError`; every other failure is in the output.
    func output(of node: GraphNode, context: [String: JSONValue], run: WorkflowRun, redactor: SecretRedactor) async throws -> NodeOutput {
        switch (node.kind, node.executor ?? .e2b) {
        case (.start, _), (.end, _):
            return NodeOutput(result: .success([:]), code: nil)
        case (_, .e2b):
            return try await sandboxOutput(of: node, context: context, network: network(for: node, run: run), redactor: redactor)
        case (_, .cached):
            guard let promptExecutor else {
                return NodeOutput(
                    result: .failure(.node(node.id, "executor 'cached' needs the code pipeline, which this process does not have")), code: node.prompt
                )
            }
            let request = PromptNodeRequest(
                node: node, context: context, workflowID: run.workflowID, executionID: run.executionID, network: network(for: node, run: run),
                redactor: redactor)
            let outcome = await promptExecutor.execute(request)
            try Task.checkCancellation()
            let result: Result<[String: JSONValue], RunFailure> =
                if let updates = outcome.updates { .success(updates) } else {
                    .failure(.node(node.id, outcome.error ?? "the prompt node produced no result"))
                }
            return NodeOutput(result: result, code: outcome.code, aiMetadata: outcome.aiMetadata, steps: outcome.steps)
        case (_, .ai):
            return NodeOutput(result: .failure(.node(node.id, "Executor 'ai' is not implemented")), code: node.prompt)
        }
    }

    /// `.none` when the node or the workflow says `"network": false`, else the default.
    func network(for node: GraphNode, run: WorkflowRun) -> SandboxNetwork {
        node.attributes["network"] == .bool(false) || !run.networkAllowed ? .none : defaultNetwork
    }

    private func sandboxOutput(of node: GraphNode, context: [String: JSONValue], network: SandboxNetwork, redactor: SecretRedactor) async throws
        -> NodeOutput
    {
        let code = node.code ?? ""
        let job = SandboxJob(code: code, context: context, kind: .handWritten, timeout: .seconds(node.timeout), network: network)
        do {
            let result = try await sandbox.run(job)
            switch result.outcome {
            case .success(let updates):
                return NodeOutput(result: .success(updates), code: code)
            case .failure(let failure):
                return NodeOutput(result: .failure(.node(node.id, redactor.redact(failure.message))), code: code)
            }
        } catch let error as SandboxInfrastructureError {
            return NodeOutput(result: .failure(.unexpected(node.id, redactor.redact(error.description))), code: code)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return NodeOutput(result: .failure(.unexpected(node.id, redactor.redact(String(describing: error)))), code: code)
        }
    }
}
