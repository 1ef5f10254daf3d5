import Foundation
import NovaCore
import NovaJSON
import Testing

/// The program contract of docs/api.md §3.9 with real python3 under bubblewrap.
@Suite("Sandbox program contract")
struct SandboxContractTests {
    private func run(_ code: String, _ context: [String: JSONValue] = [:], kind: SandboxCodeKind = .generated) async throws -> SandboxResult {
        try await SandboxFixture.sandbox.run(SandboxJob(code: code, context: context, kind: kind, timeout: .seconds(20), network: .none))
    }

    private func failed(_ result: SandboxResult) -> SandboxFailure? {
        if case .failure(let failure) = result.outcome { return failure }
        return nil
    }

    @Test("bubblewrap and slirp4netns work on this machine, so the sandbox is enforced with namespaces and lacks nothing")
    func enforced() async {
        #expect((await SandboxFixture.sandbox).status == .enforced(.namespaces))
    }

    @Test("the context arrives as the global dict context and context_updates come back")
    func contextInUpdatesOut() async throws {
        let code = """
            import json
            total = sum(item["amount"] for item in context["expenses"])
            print(json.dumps({"status": "success", "context_updates": {"total": total, "who": context["name"] + "!"}}))
            """
        let context: [String: JSONValue] = [
            "expenses": .array([.object(["amount": .int(40)]), .object(["amount": .double(2.5)])]), "name": .string("Zoë ✓"),
        ]
        #expect(try await run(code, context).outcome == .success(updates: ["total": .double(42.5), "who": .string("Zoë ✓!")]))
    }

    @Test("a printed object without context_updates is a full context (legacy)")
    func legacyFullContext() async throws {
        let code = "import json\ncontext['seen'] = True\nprint(json.dumps(context))"
        #expect(try await run(code, ["a": .int(1)]).outcome == .success(updates: ["a": .int(1), "seen": .bool(true)]))
    }

    @Test("hand-written code that only changes context gets the whole context printed for it")
    func handWrittenContextOnly() async throws {
        let result = try await run("context['x'] = context['x'] * 2\ncontext['_secret_scratch'] = 1", ["x": .int(21)], kind: .handWritten)
        #expect(result.outcome == .success(updates: ["x": .int(42)]))
    }

    @Test("generated code that only changes context prints nothing and fails")
    func generatedContextOnly() async throws {
        #expect(failed(try await run("context['x'] = 1"))?.cause == .noResultObject)
    }

    @Test("status error is a failure with the program's message")
    func statusError() async throws {
        let code = #"print('{"status": "error", "message": "mailbox not found"}')"#
        #expect(failed(try await run(code))?.cause == .reportedError("mailbox not found"))
    }

    @Test("an exception exits non-zero and the failure quotes the traceback with the node's own lines")
    func exception() async throws {
        let failure = try #require(failed(try await run("def f():\n    return 1 / 0\nf()")))
        #expect(failure.cause == .exitStatus(1))
        #expect(failure.stderrTail.contains("ZeroDivisionError"))
        #expect(failure.stderrTail.contains("return 1 / 0"))
    }

    @Test("output without any JSON object fails")
    func noJSON() async throws {
        #expect(failed(try await run("print('hello')\nprint([1, 2])"))?.cause == .noResultObject)
    }

    @Test("the last JSON-object line wins")
    func lastLineWins() async throws {
        let code = #"""
            print('{"status": "success", "context_updates": {"step": 1}}')
            print('{"status": "success", "context_updates": {"step": 2}}')
            print("trailing log line")
            """#
        #expect(try await run(code).outcome == .success(updates: ["step": .int(2)]))
    }

    @Test("a 4 MB context travels through stdin intact")
    func largeContext() async throws {
        let blob = String(repeating: "0123456789abcdef", count: 1 << 18)
        let result = try await run(SandboxFixture.report("length", "len(context['blob'])"), ["blob": .string(blob)])
        #expect(result.outcome == .success(updates: ["length": .int(blob.count)]))
    }
}
