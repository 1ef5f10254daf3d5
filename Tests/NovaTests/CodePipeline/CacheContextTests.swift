import Foundation
import NovaJSON
import Testing

@testable import NovaCore

@Suite("Cache context: schema, code facts, cache key and redaction")
struct CacheContextTests {
    @Test("the input schema names shapes, never values, and turns credentials into has_ flags")
    func schemaRules() {
        let pdf = String(repeating: "QUJD", count: 300)
        let context: [String: JSONValue] = [
            "_analyzed_keys": .object([:]), "db_password": .string("hunter2"), "email_user": .string(""), "database_schemas": .object([:]),
            "amount": .double(12.5), "count": .int(3), "paid": .bool(false), "note": .null, "empty": .string(""), "pdf_data_b64": .string(pdf),
            "sheet": .string("id,total,date\n1,10,2025\n2,20,2025"), "payload": .string("{\"a\": 1}"), "items": .string("[1, 2]"),
            "subject": .string("Invoice 42"), "none": .array([]),
            "attachments": .array([
                .object(["filename": .string("a.PDF"), "data": .string("x")]), .object(["filename": .string("b.xlsx"), "data": .string("y")]),
            ]), "totals": .array([.int(1)]), "meta": .object(["a": .int(1), "b": .int(2)]), "blank": .object([:]),
        ]
        let schema = InputSchema(context: context)
        #expect(schema.config == ["has_db_password": .bool(true), "has_email_user": .bool(false)])
        #expect(
            schema.types
                == [
                    "amount": "float", "count": "int", "paid": "bool", "note": "null", "empty": "str_empty", "pdf_data_b64": "base64_large",
                    "sheet": "csv[3]", "payload": "json_dict", "items": "json_list", "subject": "str", "none": "list_empty",
                    "attachments": "list[attachment:pdf,xlsx]", "totals": "list[int]", "meta": "dict[2]", "blank": "dict_empty",
                ].mapValues(JSONValue.string))
    }

    @Test("the exact key ignores values and prompt case and spacing, but not the schema, node type or runtime")
    func exactKey() throws {
        let first = InputSchema(context: ["total": .double(10), "db_password": .string("a")])
        let sameShape = InputSchema(context: ["total": .double(99), "db_password": .string("b")])
        let otherShape = InputSchema(context: ["total": .string("10")])
        let key = try #require(ExactCacheKey.make(prompt: "Sum it", nodeType: "action", runtimeVersion: "3.11", schema: first))
        #expect(key.count == 64)
        #expect(ExactCacheKey.make(prompt: "  sum IT ", nodeType: "action", runtimeVersion: "3.11", schema: sameShape) == key)
        #expect(ExactCacheKey.make(prompt: "Sum it", nodeType: "action", runtimeVersion: "3.11", schema: otherShape) != key)
        #expect(ExactCacheKey.make(prompt: "Sum it", nodeType: "decision", runtimeVersion: "3.11", schema: first) != key)
        #expect(ExactCacheKey.make(prompt: "Sum it", nodeType: "action", runtimeVersion: "3.12", schema: first) != key)
        #expect(ExactCacheKey.make(prompt: "Sum it", nodeType: "action", runtimeVersion: "", schema: first) == nil)
    }

    @Test("required keys are reads, including comparisons; plain assignments are not")
    func requiredKeys() {
        let code = """
            import json, re
            from pdfplumber.page import Page
            import fitz as pymupdf
            total = context.get('amount', 0)
            if context["status"] == 'paid':
                context['result'] = total
            context['done'] = context['count'] + 1
            """
        #expect(CodeFacts.requiredKeys(in: code) == ["amount", "count", "status"])
        #expect(CodeFacts.librariesUsed(in: code) == ["json", "re", "pdfplumber", "fitz"])
    }

    @Test("the redactor masks secret keys at any depth and known secret values inside other strings, never token counts")
    func redaction() {
        let canary = "canary-Secret-4f9a"
        let context: [String: JSONValue] = [
            "email_password": .string(canary), "nested": .object(["api_token": .string("abc123xyz"), "fine": .int(1)]),
            "log": .string("login failed for \(canary) at host"), "empty_secret": .string(""),
        ]
        let redactor = SecretRedactor(context: context)
        let redacted = redactor.redact(.object(context))
        #expect(!redacted.jsonText.contains(canary))
        #expect(!redacted.jsonText.contains("abc123xyz"))
        #expect(redacted["nested"]?["fine"] == .int(1))
        #expect(
            redactor.redact(.object(["tokens_input": 120, "max_tokens": 9, "refresh_tokens": "r1"]))
                == .object(["tokens_input": 120, "max_tokens": 9, "refresh_tokens": "***REDACTED***"]))
        #expect(redacted["empty_secret"] == .string(""))
        #expect(redacted["log"] == .string("login failed for ***REDACTED*** at host"))
        #expect(redactor.redact("error: \(canary)") == "error: ***REDACTED***")
        #expect(
            redactor.redactValues(.object(["tokens_input": 5, "log": .string("pw=\(canary)")]))
                == .object(["tokens_input": 5, "log": "pw=***REDACTED***"]))
    }
}
