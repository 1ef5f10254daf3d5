import NovaJSON
import Testing

@testable import NovaCore

@Suite("Code generation parts: output rules, code extraction, static checks, prompt")
struct CodeGenerationPartsTests {
    @Test("an output must change something non-empty, and a decision must set its node's key")
    func outputRules() {
        let before: [String: JSONValue] = ["total": 10, "name": "a"]
        #expect(OutputValidator.check(updates: [:], before: before) == .nothingChanged)
        #expect(OutputValidator.check(updates: ["total": 10, "_debug": 1], before: before) == .nothingChanged)
        #expect(OutputValidator.check(updates: ["vat": .null, "note": ""], before: before) == .onlyEmptyValues(["note", "vat"]))
        #expect(OutputValidator.check(updates: ["paid": false], before: before) == nil)
        #expect(OutputValidator.check(updates: ["items": .array([])], before: before) == nil)
        #expect(OutputValidator.check(updates: ["x": 1], before: before, decisionNodeID: "is_big") == .decisionNotSet("is_big"))
        #expect(OutputValidator.check(updates: ["is_big": true], before: before, decisionNodeID: "is_big") == nil)
        #expect(OutputValidator.Rejection.nothingChanged.description == "Code executed but did NOT modify context")
    }

    @Test("the program is the longest python block of the answer, else the answer itself")
    func extraction() {
        let answer = "Here you go:\n```text\nnot code\n```\n```python\nimport json\nprint(json.dumps({}))\n```\nDone."
        #expect(GeneratedCodeExtractor.code(from: answer) == "import json\nprint(json.dumps({}))")
        #expect(GeneratedCodeExtractor.code(from: "  x = 1\n") == "x = 1")
    }

    @Test("static checks refuse process control, eval, and code without the output protocol")
    func staticChecks() {
        let good = "import json\ncontext_updates = {'a': 1}\nprint(json.dumps({'status': 'success', 'context_updates': context_updates}))"
        #expect(StaticCodeCheck.problem(in: good) == nil)
        #expect(StaticCodeCheck.problem(in: "import subprocess\n" + good)?.contains("subprocess") == true)
        #expect(StaticCodeCheck.problem(in: "eval('1')\n" + good)?.contains("eval") == true)
        #expect(StaticCodeCheck.problem(in: "x = 1")?.contains("JSON line") == true)
    }

    @Test("the generation prompt carries key names and credential flags, never values")
    func promptHasNoValues() {
        let context: [String: JSONValue] = ["email_password": "canary-pw-77", "invoice_text": "Total due 1234.50 EUR", "db_host": "db.internal"]
        let prompt = GenerationPrompt(
            nodeID: "is_paid", nodeType: "decision", prompt: "Is the invoice paid?", schema: InputSchema(context: context),
            insights: ["3 pages"], documentation: ["Use pdfplumber"])
        let text = prompt.system + prompt.task
        for value in ["canary-pw-77", "1234.50", "db.internal"] { #expect(!text.contains(value)) }
        #expect(text.contains("invoice_text"))
        #expect(text.contains("has_email_password"))
        #expect(text.contains("context_updates[\"is_paid\"]"))
    }

    @Test("analysis is planned for documents, attachments, CSV, JSON text and long text, never for scalars or credentials")
    func analysisPlan() {
        let pdf = String(repeating: "JVBERi0xLjQK", count: 200)
        let context: [String: JSONValue] = [
            "pdf_data_b64": .string(pdf), "attachments": .array([.object(["filename": "a.xlsx", "data": "UEsDBA=="])]),
            "rows": "a,b\n1,2\n3,4", "payload": #"{"id": 1}"#, "body": .string(String(repeating: "word ", count: 500)), "subject": "Invoice 42",
            "amount": .double(12.5), "paid": false, "db_password": .string(String(repeating: "x", count: 3000)),
        ]
        let plan = DataAnalysisPlan(context: context, schema: InputSchema(context: context))
        #expect(plan.keys == ["attachments", "body", "payload", "pdf_data_b64", "rows"])
        #expect(plan.reasons["pdf_data_b64"] == "base64 document")
        #expect(plan.reasons["body"] == "long text")
        #expect(plan.explanation.contains("rows (CSV text)"))
        let scalars: [String: JSONValue] = ["subject": "Invoice 42", "amount": .double(12.5), "items": .array([1, 2])]
        #expect(!DataAnalysisPlan(context: scalars, schema: InputSchema(context: scalars)).isNeeded)
    }

    @Test("the output judgement sends types and a masked, shortened sample, and reads the first JSON verdict of the answer")
    func outputJudge() {
        let updates: [String: JSONValue] = ["total": 6, "api_key": "sk-canary-1234", "note": .string(String(repeating: "n", count: 500))]
        let judge = OutputJudgePrompt(prompt: "Sum it", updates: updates, redactor: SecretRedactor(knownSecrets: ["sk-canary-1234"]))
        #expect(!judge.task.contains("sk-canary-1234"))
        #expect(judge.task.contains("***REDACTED***"))
        #expect(!judge.task.contains(String(repeating: "n", count: 201)))
        #expect(judge.task.contains("\"total\": \"int\""))
        #expect(LLMVerdict(in: #"Sure. {"valid": false, "reason": "wrong total"} done"#) == LLMVerdict(valid: false, reason: "wrong total"))
        #expect(LLMVerdict(in: #"{"note": {"x": 1}} then {"valid": true}"#) == LLMVerdict(valid: true, reason: ""))
        #expect(LLMVerdict(in: "looks fine") == nil)
    }
}
