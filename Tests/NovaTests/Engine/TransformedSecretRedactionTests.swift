import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

/// A canary password transformed by node code (reversed, base64, hex, URL-encoded, upper-cased) reaches no task,
/// execution or chain answer, whether it is written to the context, printed or raised.
@Suite("Redaction of transformed secrets")
struct TransformedSecretRedactionTests {
    private typealias G = GraphFixtures
    private static let canary = "Canary/Pw+9z&Q=x!7"

    /// Every form the nodes below give the canary, as Python writes them.
    private static var forms: [String] {
        let bytes = Data(canary.utf8)
        return [
            canary, String(canary.reversed()), bytes.base64EncodedString(), bytes.map { String(format: "%02x", $0) }.joined(),
            bytes.map { String(format: "%02X", $0) }.joined(), canary.uppercased(), canary.lowercased(),
            canary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
        ]
    }

    private static let transform = """
        import base64, urllib.parse
        p = context['db_password']
        context['rev'] = 'r:' + p[::-1]
        context['b64'] = 'b:' + base64.b64encode(p.encode()).decode()
        context['hex'] = 'h:' + p.encode().hex()
        context['hex_upper'] = p.encode().hex().upper()
        context['url'] = 'u:' + urllib.parse.quote(p, safe='')
        context['upper'] = p.upper()
        context['lower'] = p.lower()
        """

    /// Prints transformed forms (stdout becomes part of the error) and raises the reversed password.
    private static let leak = """
        import base64
        p = context['db_password']
        print('printed', p[::-1], base64.b64encode(p.encode()).decode(), p.encode().hex().upper())
        raise RuntimeError(p[::-1])
        """

    @Test("node output, printed text and a raised error hide every transformed form of a known secret")
    func canary() async throws {
        try await NovaApp.run(.sqlite, ["WORKER_CONCURRENCY": "1", "SANDBOX_NETWORK": "none"], queue: InProcessJobQueue()) { client in
            let context = JSONValue.object(["db_password": .string(Self.canary)])
            let outputs = G.graph(
                nodes: [G.node("start", "start"), G.code("transform", Self.transform), G.node("end", "end")],
                edges: [G.edge("start", "transform"), G.edge("transform", "end")])
            let done = try await client.executeToEnd(outputs, context: context)
            #expect(done["status"] == "SUCCESS", "\(done["error"] ?? .null)")
            let finalContext = done["result"]?["final_context"]
            #expect(finalContext?["rev"] == .string("r:\(SecretRedactor.mask)"))
            #expect(finalContext?["b64"] == .string("b:\(SecretRedactor.mask)"))
            #expect(finalContext?["hex"] == .string("h:\(SecretRedactor.mask)"))
            #expect(finalContext?["url"] == .string("u:\(SecretRedactor.mask)"))
            #expect(finalContext?["upper"] == .string(SecretRedactor.mask))

            let raise = G.graph(
                nodes: [G.node("start", "start"), G.code("boom", Self.leak), G.node("end", "end")],
                edges: [G.edge("start", "boom"), G.edge("boom", "end")])
            let failed = try await client.executeToEnd(raise, context: context)
            #expect(failed["status"] == "FAILURE")
            #expect(failed["error"]?.stringValue?.contains(SecretRedactor.mask) == true, "\(failed["error"] ?? .null)")

            var answers = [done.jsonText, failed.jsonText]
            for task in [done, failed] {
                let id = try #require(task["execution_id"]?.intValue)
                answers.append(try await client.call(.get, "/executions/\(id)").1?.jsonText ?? "")
                answers.append(try await client.call(.get, "/executions/\(id)/chain").1?.jsonText ?? "")
            }
            for form in Self.forms {
                #expect(!answers.contains { $0.range(of: form, options: .caseInsensitive) != nil }, "an answer holds \(form)")
            }
        }
    }

    @Test("the redactor's variants: reversed, base64 (padded or inside a longer text), hex, URL-encoded, any case")
    func variants() {
        let redactor = SecretRedactor(knownSecrets: ["s3cret-Value"])
        let encoded = Data("s3cret-Value".utf8).base64EncodedString()
        for text in [
            "eulaV-terc3s", encoded, Data("abcs3cret-Value and more".utf8).base64EncodedString(), "7333637265742d56616c7565",
            "7333637265742D56616C7565", "s3cret%2DValue", "S3CRET-VALUE",
        ] {
            #expect(redactor.redact("x \(text) y") != "x \(text) y", "\(text) not caught")
        }
        #expect(redactor.redact("nothing secret here") == "nothing secret here")
    }
}
