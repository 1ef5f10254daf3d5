import Foundation
import NovaCore
import NovaJSON
import Testing

/// The packages of `deploy/sandbox-requirements.txt` work inside the sandbox under the standard limits. Runs only
/// where `scripts/setup-sandbox.sh` made the environment (`NOVA_SANDBOX_VENV`, default `./data/sandbox-venv`).
@Suite("Sandbox Python packages", .enabled(if: SandboxFixture.packagesEnvironment != nil))
struct SandboxPackagesTests {
    @Test(
        "pandas, openpyxl, pdfplumber, requests and psycopg2 import and work with the standard limits, in namespaces and under Landlock",
        arguments: [SandboxMode.namespaces, .landlock])
    func packagesWork(mode: SandboxMode) async throws {
        var configuration = SandboxConfiguration(virtualEnvironment: SandboxFixture.packagesEnvironment)
        configuration.isolation = mode
        let sandbox = await ProcessSandbox(configuration: configuration)
        #expect(sandbox.status.mode == mode, "\(sandbox.status)")
        let code = """
            import io, json
            import pandas, openpyxl, pdfplumber, requests, psycopg2
            frame = pandas.DataFrame({"amount": context["amounts"]})
            book = openpyxl.Workbook()
            book.active["A1"] = int(frame["amount"].sum())
            buffer = io.BytesIO()
            book.save(buffer)
            reread = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"].value
            print(json.dumps({"status": "success", "context_updates": {"total": reread, "pandas": pandas.__version__}}))
            """
        let result = try await sandbox.run(
            SandboxJob(code: code, context: ["amounts": .array([.int(40), .int(2)])], kind: .generated, network: .none))
        guard case .success(let updates) = result.outcome else {
            Issue.record("\(result.outcome)")
            return
        }
        #expect(updates["total"] == .int(42))
        #expect(updates["pandas"] == .string("2.2.3"))
    }
}
