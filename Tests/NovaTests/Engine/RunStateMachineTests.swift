import NovaCore
import NovaJSON
import Testing

@Suite("Run state machine")
struct RunStateMachineTests {
    private typealias G = GraphFixtures

    private func machine(_ definition: JSONValue) throws -> RunStateMachine {
        RunStateMachine(graph: try WorkflowGraph(definition: definition))
    }

    private func id(_ step: RunStateMachine.Step) -> String? {
        if case .run(let node) = step { return node.id }
        return nil
    }

    /// start → is_big (decision) → yes | no → end, with the given edge conditions.
    private func branching(yes: String = "true", no: String = "false") -> JSONValue {
        G.graph(
            nodes: [
                G.node("start", "start"), G.code("is_big", "context['is_big'] = True", type: "decision"), G.code("yes", "pass"),
                G.code("no", "pass"), G.node("end", "end"),
            ],
            edges: [
                G.edge("start", "is_big"), G.edge("is_big", "yes", condition: yes), G.edge("is_big", "no", condition: no),
                G.edge("yes", "end"), G.edge("no", "end"),
            ])
    }

    @Test("a linear graph runs start, its node and end, counting every visit")
    func linear() throws {
        var run = try machine(G.linear)
        #expect(run.phase == .ready)
        #expect(id(run.start()) == "start")
        #expect(id(run.nodeSucceeded(context: [:])) == "read")
        #expect(run.phase == .running("read"))
        #expect(id(run.nodeSucceeded(context: ["x": 1])) == "end")
        #expect(run.nodeSucceeded(context: ["x": 1]) == .finished(nodesExecuted: 3))
        #expect(run.finishedNodes == ["start", "read", "end"])
        #expect(run.nodeSucceeded(context: [:]) == .finished(nodesExecuted: 3))
        #expect(run.start() == .finished(nodesExecuted: 3))
    }

    @Test("a decision follows the edge whose condition matches, booleans as true/false")
    func booleanDecision() throws {
        var yes = try machine(branching())
        _ = yes.start()
        _ = yes.nodeSucceeded(context: [:])
        #expect(id(yes.nodeSucceeded(context: ["is_big": true])) == "yes")
        var no = try machine(branching())
        _ = no.start()
        _ = no.nodeSucceeded(context: [:])
        #expect(id(no.nodeSucceeded(context: ["is_big": false])) == "no")
    }

    @Test("decision strings and edge conditions compare case-insensitively (D22)")
    func caseInsensitive() throws {
        var run = try machine(branching(yes: "Approved", no: "REJECTED"))
        _ = run.start()
        _ = run.nodeSucceeded(context: [:])
        #expect(id(run.nodeSucceeded(context: ["is_big": "rejected"])) == "no")
        var other = try machine(branching(yes: "Approved", no: "REJECTED"))
        _ = other.start()
        _ = other.nodeSucceeded(context: [:])
        #expect(id(other.nodeSucceeded(context: ["is_big": "APPROVED"])) == "yes")
    }

    @Test("a decision that sets no usable value fails its node with the contract's text")
    func decisionNotSet() throws {
        for value: JSONValue? in [nil, 3, .null, .array([])] {
            var run = try machine(branching())
            _ = run.start()
            _ = run.nodeSucceeded(context: [:])
            var context: [String: JSONValue] = ["b": 1, "a": "x"]
            context["is_big"] = value
            let keys = value == nil ? "['a', 'b']" : "['a', 'b', 'is_big']"
            let expected = RunFailure.node("is_big", "DecisionNode is_big did not set 'is_big' in context. Available context keys: \(keys)")
            #expect(run.nodeSucceeded(context: context) == .failed(expected))
            #expect(expected.message == "Node is_big failed: DecisionNode is_big did not set 'is_big' in context. Available context keys: \(keys)")
            #expect(run.phase == .failed(expected))
        }
    }

    @Test("a decision value without a matching edge fails with the available conditions")
    func noMatchingEdge() throws {
        var run = try machine(branching())
        _ = run.start()
        _ = run.nodeSucceeded(context: [:])
        guard case .failed(let failure) = run.nodeSucceeded(context: ["is_big": "Maybe"]) else {
            Issue.record("the run did not fail")
            return
        }
        #expect(failure.nodeID == "is_big")
        #expect(
            failure.message
                == "Unexpected error in node is_big: No edge found for decision result 'maybe' from node is_big. Available conditions: ['true', 'false']"
        )
    }

    @Test("a cycle stops at twice the number of nodes")
    func visitLimit() throws {
        let loop = G.graph(
            nodes: [G.node("start", "start"), G.code("again", "context['again'] = True", type: "decision"), G.node("end", "end")],
            edges: [G.edge("start", "again"), G.edge("again", "again", condition: "true"), G.edge("again", "end", condition: "false")])
        var run = try machine(loop)
        var step = run.start()
        var ran = 0
        while case .run = step {
            ran += 1
            step = run.nodeSucceeded(context: ["again": true])
        }
        #expect(ran == 6)
        #expect(run.visits == 6)
        #expect(step == .failed(.visitLimit(6)))
        #expect(RunFailure.visitLimit(6).message == "Workflow exceeded max iterations (6). Possible cycle?")
        #expect(RunFailure.visitLimit(6).nodeID == nil)
    }

    @Test("a node without outgoing edges finishes the run")
    func deadEnd() throws {
        let definition = G.graph(
            nodes: [G.node("start", "start"), G.code("last", "pass"), G.node("end", "end")],
            edges: [G.edge("start", "end"), G.edge("start", "last")])
        var run = try machine(definition)
        _ = run.start()
        #expect(id(run.nodeSucceeded(context: [:])) == "end")
        var other = try machine(G.graph(nodes: [G.node("start", "start"), G.node("end", "end")], edges: [G.edge("start", "end")]))
        _ = other.start()
        _ = other.nodeSucceeded(context: [:])
        #expect(other.nodeSucceeded(context: [:]) == .finished(nodesExecuted: 2))
    }

    @Test("a node failure and a cancellation end the run; later reports change nothing")
    func terminalOutcomes() throws {
        var failed = try machine(G.linear)
        _ = failed.start()
        _ = failed.nodeSucceeded(context: [:])
        let failure = RunFailure.node("read", "boom")
        #expect(failure.message == "Node read failed: boom")
        #expect(failed.nodeFailed(failure) == .failed(failure))
        #expect(failed.nodeSucceeded(context: [:]) == .failed(failure))
        #expect(failed.cancel() == .failed(failure))

        var cancelled = try machine(G.linear)
        _ = cancelled.start()
        #expect(cancelled.cancel() == .cancelled)
        #expect(cancelled.nodeSucceeded(context: [:]) == .cancelled)
        #expect(cancelled.nodeFailed(failure) == .cancelled)
        #expect(cancelled.finishedNodes.isEmpty)
    }

    @Test("replaying a journal resumes after the last finished node, decisions included")
    func replay() throws {
        var run = try machine(branching())
        let step = run.replay([
            .init(nodeID: "start", context: [:]), .init(nodeID: "is_big", context: ["is_big": false]),
        ])
        #expect(id(step) == "no")
        #expect(run.finishedNodes == ["start", "is_big"])
        #expect(run.visits == 3)
        #expect(run.nodeSucceeded(context: [:]) == .run(try WorkflowGraph(definition: branching()).node(id: "end")!))

        var empty = try machine(G.linear)
        #expect(id(empty.replay([])) == "start")

        var foreign = try machine(G.linear)
        let mismatch = foreign.replay([.init(nodeID: "start", context: [:]), .init(nodeID: "other", context: [:])])
        #expect(mismatch == .failed(.unexpected("other", "the journal does not follow the graph (expected node read)")))
    }
}
