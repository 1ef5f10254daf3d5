import Foundation
import NovaCore
import NovaJSON
import Testing

/// The runner with the real sandbox (python3 under bubblewrap, no network) and the in-memory execution store.
@Suite("Workflow runner")
struct WorkflowRunnerTests {
    private typealias G = GraphFixtures
    private let canary = "canary-S3cret-4242"

    private struct Fixture {
        let store: any ExecutionStore = MemoryExecutionStore()
        let runner: WorkflowRunner
        let executionID: Int

        init(poll: Duration = .milliseconds(100)) async throws {
            runner = WorkflowRunner(
                sandbox: await SandboxFixture.sandbox, promptExecutor: nil, executions: store, clock: SystemWallClock(),
                cancellationPollInterval: poll)
            executionID = try await store.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: Date()), at: Date()).id
        }

        func run(_ definition: JSONValue, context: [String: JSONValue] = [:], secrets: [String] = []) async throws -> WorkflowRunOutcome {
            let graph = try WorkflowGraph(definition: definition)
            let run = WorkflowRun(
                executionID: executionID, workflowID: 1, graph: graph, networkAllowed: false,
                context: ContextMerge.initial(context, credentials: [:]), secrets: secrets)
            return try await runner.run(run)
        }

        var execution: Execution {
            get async throws { try #require(try await store.execution(id: executionID)) }
        }

        var chain: [ChainEntry] {
            get async throws { try await store.chain(executionID: executionID) }
        }
    }

    private func timed(_ id: String, _ code: String, timeout: Int) -> JSONValue {
        .object(["id": .string(id), "type": .string("action"), "code": .string(code), "timeout": .int(timeout)])
    }

    private func linear(_ middle: JSONValue) -> JSONValue {
        let id = middle["id"]?.stringValue ?? ""
        return G.graph(nodes: [G.node("start", "start"), middle, G.node("end", "end")], edges: [G.edge("start", id), G.edge(id, "end")])
    }

    @Test("a resumed run routes a finished decision by its recorded result, even when its key is secret-looking and redacted")
    func resumedDecisionRoutesByRecordedResult() async throws {
        let fixture = try await Fixture()
        let definition = G.graph(
            nodes: [
                G.node("start", "start"), G.code("api_token_ok", "context['api_token_ok'] = True", type: "decision"),
                G.code("valid", "context['path'] = 'valid'"), G.code("invalid", "context['path'] = 'invalid'"), G.node("end", "end"),
            ],
            edges: [
                G.edge("start", "api_token_ok"), G.edge("api_token_ok", "valid", condition: "true"),
                G.edge("api_token_ok", "invalid", condition: "false"), G.edge("valid", "end"), G.edge("invalid", "end"),
            ])
        let redacted = JSONValue.object(["api_token_ok": .string(SecretRedactor.mask)])
        let journal = [
            ChainEntryRecord(nodeID: "start", nodeType: "start", outputResult: .object([:]), timestamp: Date()),
            ChainEntryRecord(nodeID: "api_token_ok", nodeType: "decision", outputResult: redacted, decisionResult: "true", timestamp: Date()),
        ]
        let run = WorkflowRun(
            executionID: fixture.executionID, workflowID: 1, graph: try WorkflowGraph(definition: definition), networkAllowed: false,
            context: ["api_token_ok": true], journal: journal)
        let outcome = try await fixture.runner.run(run)
        #expect(outcome.status == .completed)
        #expect(outcome.context["path"] == "valid")
        #expect(outcome.trace.map(\.nodeID) == ["start", "api_token_ok", "valid", "end"])
    }

    @Test("context flows from node to node and a decision takes the matching branch")
    func contextAndBranching() async throws {
        let definition = G.graph(
            nodes: [
                G.node("start", "start"), G.code("read", "context['x'] = context['seed'] + 1"),
                G.code("is_big", "context['is_big'] = 'Yes' if context['x'] > 1 else 'No'", type: "decision"),
                G.code("big", "context['path'] = 'big'"), G.code("small", "context['path'] = 'small'"), G.node("end", "end"),
            ],
            edges: [
                G.edge("start", "read"), G.edge("read", "is_big"), G.edge("is_big", "big", condition: "yes"),
                G.edge("is_big", "small", condition: "NO"), G.edge("big", "end"), G.edge("small", "end"),
            ])
        for (seed, path) in [(5, "big"), (0, "small")] {
            let fixture = try await Fixture()
            let outcome = try await fixture.run(definition, context: ["seed": .int(seed)])
            #expect(outcome.status == .completed)
            #expect(outcome.nodesExecuted == 5)
            #expect(outcome.failure == nil)
            #expect(outcome.context["path"] == .string(path))
            #expect(outcome.context["x"] == .int(seed + 1))
            #expect(outcome.context["seed"] == .int(seed))
            #expect(outcome.trace.map(\.nodeID) == ["start", "read", "is_big", path, "end"])
            let chain = try await fixture.chain
            #expect(chain.map(\.record.nodeID) == ["start", "read", "is_big", path, "end"])
            #expect(chain.allSatisfy { $0.record.status == "success" && $0.record.executionTime >= 0 })
            #expect(chain[2].record.decisionResult == (path == "big" ? "yes" : "no"))
            #expect(chain[2].record.pathTaken == path)
            #expect(chain[1].record.inputContext["x"] == nil)
            #expect(chain[1].record.outputResult["x"] == .int(seed + 1))
            #expect(chain[1].record.codeExecuted == "context['x'] = context['seed'] + 1")
            let execution = try await fixture.execution
            #expect(execution.status == .completed)
            #expect(execution.completedAt != nil)
            #expect(execution.result?["path"] == .string(path))
            #expect(execution.error == nil)
        }
    }

    @Test("a node error fails the execution with the node's message and the end of stderr; no later node runs")
    func nodeError() async throws {
        let fixture = try await Fixture()
        let definition = G.graph(
            nodes: [
                G.node("start", "start"), G.code("boom", "context['a'] = 1 / 0"), G.code("after", "context['after'] = True"), G.node("end", "end"),
            ],
            edges: [G.edge("start", "boom"), G.edge("boom", "after"), G.edge("after", "end")])
        let outcome = try await fixture.run(definition)
        #expect(outcome.status == .failed)
        #expect(outcome.failure?.nodeID == "boom")
        let message = try #require(outcome.failure?.message)
        #expect(message.hasPrefix("Node boom failed: Code exited with status 1"))
        #expect(message.contains("ZeroDivisionError"))
        #expect(outcome.nodesExecuted == nil)
        let chain = try await fixture.chain
        #expect(chain.map(\.record.nodeID) == ["start", "boom"])
        #expect(chain[1].record.status == "failed")
        #expect(chain[1].record.errorMessage?.contains("ZeroDivisionError") == true)
        #expect(chain[1].record.executionTime > 0)
        let execution = try await fixture.execution
        #expect(execution.status == .failed)
        #expect(execution.error == message)
        #expect(execution.result?["after"] == nil)
    }

    @Test("code running past its node timeout is killed and the node fails")
    func timeout() async throws {
        let fixture = try await Fixture()
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try await fixture.run(linear(timed("spin", "while True: pass", timeout: 1)))
        // The run as a whole only must not hang (a loaded machine stretches its set-up); the node's own time is the
        // timeout's measure.
        #expect(clock.now - started < .seconds(30))
        #expect(outcome.failure?.message.hasPrefix("Node spin failed: Code timed out after 1 s") == true)
        let chain = try await fixture.chain
        let nodeSeconds = chain.last?.record.executionTime ?? 0
        #expect(nodeSeconds >= 1 && nodeSeconds < 8, "the node ran \(nodeSeconds) s")
        #expect(try await fixture.execution.status == .failed)
    }

    @Test("output that breaks the program contract fails the node")
    func invalidOutput() async throws {
        let fixture = try await Fixture()
        let outcome = try await fixture.run(linear(G.code("talk", "print('no json here')")))
        #expect(outcome.failure?.message.hasPrefix("Node talk failed: Code printed no JSON object on stdout") == true)
        #expect(outcome.failure?.message.contains("no json here") == true)
        let reported = try await Fixture()
        let code = #"import json; print(json.dumps({"status": "error", "message": "bad input"}))"#
        let message = try await reported.run(linear(G.code("report", code))).failure?.message
        #expect(message?.hasPrefix("Node report failed: Code reported an error: bad input") == true)
    }

    @Test("a decision that leaves no value in context fails with the available keys")
    func decisionWithoutValue() async throws {
        let fixture = try await Fixture()
        let definition = G.graph(
            nodes: [G.node("start", "start"), G.code("pick", "context['other'] = 1", type: "decision"), G.node("a", "end"), G.node("b", "end")],
            edges: [G.edge("start", "pick"), G.edge("pick", "a", condition: "x"), G.edge("pick", "b", condition: "y")])
        let outcome = try await fixture.run(definition, context: ["seed": 1])
        #expect(
            outcome.failure?.message
                == "Node pick failed: DecisionNode pick did not set 'pick' in context. Available context keys: ['_analyzed_keys', 'other', 'seed']")
        let chain = try await fixture.chain
        #expect(chain.last?.record.status == "failed")
        #expect(chain.last?.record.decisionResult == nil)
    }

    @Test("prompt nodes without a code pipeline and ai nodes fail with a clear error")
    func unsupportedExecutors() async throws {
        let cached = try await Fixture()
        let prompt = JSONValue.object(["id": "sum", "type": "action", "executor": "cached", "prompt": "Sum the amounts"])
        #expect(
            try await cached.run(linear(prompt)).failure?.message
                == "Node sum failed: executor 'cached' needs the code pipeline, which this process does not have")
        let ai = try await Fixture()
        let agent = JSONValue.object(["id": "think", "type": "action", "executor": "ai", "prompt": "Think"])
        #expect(try await ai.run(linear(agent)).failure?.message == "Node think failed: Executor 'ai' is not implemented")
        #expect(try await ai.chain.last?.record.codeExecuted == "Think")
    }

    @Test("a cancellation request stops a running node within a second and no later node runs")
    func cancellation() async throws {
        let fixture = try await Fixture()
        let definition = G.graph(
            nodes: [
                G.node("start", "start"), timed("slow", "import time; time.sleep(60)", timeout: 120), G.code("after", "context['after'] = 1"),
                G.node("end", "end"),
            ],
            edges: [G.edge("start", "slow"), G.edge("slow", "after"), G.edge("after", "end")])
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try await withThrowingTaskGroup(of: WorkflowRunOutcome?.self) { group in
            group.addTask { try await fixture.run(definition) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(800))
                _ = try await fixture.store.requestCancellation(id: fixture.executionID, at: Date())
                return nil
            }
            var result: WorkflowRunOutcome?
            for try await value in group where value != nil { result = value }
            return try #require(result)
        }
        // About 1 s on an idle machine (the 800 ms wait, the poll, the kill); the bound leaves room for a loaded suite.
        #expect(clock.now - started < .seconds(10))
        #expect(outcome.status == .cancelled)
        #expect(try await fixture.chain.map(\.record.nodeID) == ["start"])
        let execution = try await fixture.execution
        #expect(execution.status == .cancelled)
        #expect(execution.error == WorkflowRunnerError.cancelledMessage)
    }

    @Test("a cancellation requested before the run starts runs no node")
    func cancelledBeforeStart() async throws {
        let fixture = try await Fixture()
        _ = try await fixture.store.requestCancellation(id: fixture.executionID, at: Date())
        #expect(try await fixture.run(G.linear).status == .cancelled)
        #expect(try await fixture.chain.isEmpty)
    }

    @Test("a node or a workflow saying \"network\": false runs without network while the default is internet")
    func networkOff() async throws {
        let interfaces = "context['{id}'] = sorted(name for _, name in __import__('socket').if_nameindex())"
        var offline = G.code("offline", interfaces.replacingOccurrences(of: "{id}", with: "offline")).objectValue ?? [:]
        offline["network"] = false
        let definition = G.graph(
            nodes: [
                G.node("start", "start"), G.code("online", interfaces.replacingOccurrences(of: "{id}", with: "online")), .object(offline),
                G.node("end", "end"),
            ],
            edges: [G.edge("start", "online"), G.edge("online", "offline"), G.edge("offline", "end")])
        let store: any ExecutionStore = MemoryExecutionStore()
        let runner = WorkflowRunner(
            sandbox: await SandboxFixture.sandbox, promptExecutor: nil, executions: store, clock: SystemWallClock(), defaultNetwork: .internet)
        for (networkAllowed, online) in [(true, ["lo", "tap0"]), (false, ["lo"])] {
            let execution = try await store.create(ExecutionDraft(workflowID: 1, status: .running, startedAt: Date()), at: Date())
            let run = WorkflowRun(
                executionID: execution.id, workflowID: 1, graph: try WorkflowGraph(definition: definition), networkAllowed: networkAllowed,
                context: [:])
            let outcome = try await runner.run(run)
            #expect(outcome.status == .completed)
            #expect(outcome.context["online"] == .array(online.map(JSONValue.string)), "workflow network allowed: \(networkAllowed)")
            #expect(outcome.context["offline"] == .array([.string("lo")]))
        }
    }

    @Test("credentials are redacted in chain entries, the execution result, the outcome and error texts")
    func redaction() async throws {
        let fixture = try await Fixture()
        let definition = G.graph(
            nodes: [
                G.node("start", "start"), G.code("copy", "context['note'] = 'pw=' + context['email_password']"),
                G.code("leak", "import sys; print(context['note'], file=sys.stderr); raise SystemExit(3)"), G.node("end", "end"),
            ],
            edges: [G.edge("start", "copy"), G.edge("copy", "leak"), G.edge("leak", "end")])
        let outcome = try await fixture.run(definition, context: ["email_password": .string(canary)], secrets: [canary])
        #expect(outcome.status == .failed)
        #expect(outcome.context["note"] == .string("pw=\(SecretRedactor.mask)"))
        #expect(outcome.failure?.message.contains("pw=\(SecretRedactor.mask)") == true)
        let everything = "\(outcome) \(try await fixture.chain) \(try await fixture.execution)"
        #expect(!everything.contains(canary))
        #expect(everything.contains(SecretRedactor.mask))
    }
}
