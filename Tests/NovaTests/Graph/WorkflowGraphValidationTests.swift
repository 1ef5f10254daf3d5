import NovaCore
import NovaJSON
import Testing

@Suite("Workflow graph validation")
struct WorkflowGraphValidationTests {
    private let validator = WorkflowGraphValidator(syntax: ProcessPythonSyntaxChecker())
    private typealias G = GraphFixtures

    private func reason(_ definition: JSONValue) async -> String? {
        do {
            _ = try await validator.validate(definition)
            return nil
        } catch let error as GraphValidationError {
            return error.reason
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("the contract's example graphs are valid and keep their edges in order")
    func validGraphs() async throws {
        let graph = try await validator.validate(G.decision)
        #expect(graph.start.id == "start")
        #expect(graph.outgoing(from: "is_big").map(\.condition) == ["true", "false"])
        #expect(graph.node(id: "summarise")?.executor == .cached)
        #expect(graph.node(id: "read")?.timeout == 60)
        #expect(try await validator.validate(G.linear).nodes.count == 3)
    }

    @Test("missing lists and start/end counts are reported with the original's reasons")
    func structureReasons() async {
        #expect(await reason(.object(["edges": .array([])])) == "Workflow definition missing 'nodes' field")
        #expect(await reason(.object(["nodes": .array([])])) == "Workflow definition missing 'edges' field")
        #expect(await reason(G.graph(nodes: [G.node("end", "end")], edges: [])) == "Workflow must have exactly one StartNode (found 0)")
        #expect(
            await reason(G.graph(nodes: [G.node("a", "start"), G.node("b", "start"), G.node("e", "end")], edges: []))
                == "Workflow must have exactly one StartNode (found 2)")
        #expect(await reason(G.graph(nodes: [G.node("s", "start")], edges: [])) == "Workflow must have at least one EndNode")
    }

    @Test("node problems name the node: unknown type, duplicate id, fields per executor, timeout")
    func nodeReasons() async {
        let start = G.node("s", "start")
        let end = G.node("e", "end")
        func with(_ node: JSONValue) -> JSONValue { G.graph(nodes: [start, node, end], edges: [G.edge("s", "n"), G.edge("n", "e")]) }
        #expect(
            await reason(with(G.node("n", "loop"))) == "Failed to parse node n: unknown node type 'loop' (expected start, end, action or decision)")
        #expect(await reason(G.graph(nodes: [start, start, end], edges: [])) == "Duplicate node id: s")
        #expect(await reason(with(.object(["id": .string("n"), "type": .string("action")]))) == "Failed to parse node n: an e2b node needs 'code'")
        #expect(
            await reason(with(.object(["id": .string("n"), "type": .string("action"), "executor": .string("cached")])))
                == "Failed to parse node n: a cached node needs 'prompt'")
        #expect(
            await reason(with(.object(["id": .string("n"), "type": .string("action"), "code": .string("x = 1"), "prompt": .string("p")])))
                == "Failed to parse node n: an e2b action node takes 'code', not 'prompt'")
        #expect(
            await reason(with(.object(["id": .string("n"), "type": .string("action"), "code": .string("x = 1"), "timeout": .int(301)])))
                == "Failed to parse node n: 'timeout' must be an integer from 1 to 300 (seconds)")
        #expect(
            await reason(G.graph(nodes: [.object(["id": .string("s"), "type": .string("start"), "code": .string("x")]), end], edges: []))
                == "Failed to parse node s: a start node takes no field 'code'")
        #expect(
            await reason(G.graph(nodes: [.object(["id": .string(" "), "type": .string("end")])], edges: []))
                == "Failed to parse node at index 0: 'id' must be a non-empty string")
    }

    @Test("edge problems: missing ends, unknown nodes, unreachable nodes, unlabelled decisions")
    func edgeReasons() async {
        let nodes = [G.node("s", "start"), G.code("d", "context['d'] = True", type: "decision"), G.node("e", "end")]
        #expect(await reason(G.graph(nodes: nodes, edges: [.object(["from": .string("s")])])) == "Edge missing 'from' or 'to': {\"from\":\"s\"}")
        #expect(await reason(G.graph(nodes: nodes, edges: [G.edge("s", "zz")])) == "Edge references non-existent node: zz")
        #expect(
            await reason(G.graph(nodes: nodes, edges: [G.edge("s", "d"), G.edge("d", "e")]))
                == "Decision node d must have at least 2 outgoing edges (found 1)")
        #expect(
            await reason(G.graph(nodes: nodes, edges: [G.edge("s", "d"), G.edge("d", "e", condition: "true"), G.edge("d", "e")]))
                == "Decision node d has an outgoing edge to e without a 'condition'")
        #expect(
            await reason(G.graph(nodes: [G.node("s", "start"), G.node("e", "end"), G.node("lost", "end")], edges: [G.edge("s", "e")]))
                == "Node lost is not reachable from the start node")
    }

    @Test("hand-written code that is not valid Python is refused with the parser's message and line")
    func pythonSyntax() async {
        let broken = G.graph(
            nodes: [G.node("s", "start"), G.code("read", "x = 1\nif x\n  print(x)"), G.node("e", "end")],
            edges: [G.edge("s", "read"), G.edge("read", "e")])
        let message = await reason(broken)
        #expect(message?.hasPrefix("Failed to parse node read: code is not valid Python: ") == true)
        #expect(message?.contains("line 2") == true)
    }

    @Test("the syntax checker parses without running code and answers per source")
    func checkerParsesOnly() async throws {
        let answers = try await ProcessPythonSyntaxChecker().syntaxErrors(in: ["import os\nos._exit(3)", "def (", "x = 'é'"])
        #expect(answers[0] == nil)
        #expect(answers[1] != nil)
        #expect(answers[2] == nil)
        #expect(try await ProcessPythonSyntaxChecker().syntaxErrors(in: []) == [])
    }

    @Test("a missing interpreter is a check error, not a verdict on the code")
    func missingInterpreter() async {
        await #expect(throws: PythonSyntaxCheckError.self) {
            try await ProcessPythonSyntaxChecker(interpreter: "python-does-not-exist").syntaxErrors(in: ["x = 1"])
        }
    }
}
