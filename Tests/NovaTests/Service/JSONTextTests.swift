import Foundation
import NovaJSON
import RAGCore
import Testing

@testable import NovaCore

@Suite("JSON text: parsing stored columns and rendering search texts")
struct JSONTextTests {
    @Test("the parser reads nested values, escapes, surrogate pairs and keeps integers apart from floats")
    func parses() throws {
        let text = #"{"a": [1, -2.5e1, true, false, null], "s": "tab\tquote\"slash\/ \u00e9 \ud83d\ude00", "o": {"k": {}}, "big": 12345678901}"#
        let value = try #require(JSONValue(jsonText: text))
        #expect(value["a"] == .array([.int(1), .double(-25), .bool(true), .bool(false), .null]))
        #expect(value["s"] == .string("tab\tquote\"slash/ é 😀"))
        #expect(value["o"] == .object(["k": .object([:])]))
        #expect(value["big"] == .int(12_345_678_901))
    }

    @Test(
        "text that is not exactly one JSON value is refused", arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"unterminated", "1 2", "{\"a\":1}x"])
    func refuses(text: String) {
        #expect(JSONValue(jsonText: text) == nil)
    }

    @Test("what jsonText writes, the parser reads back unchanged")
    func roundTrip() throws {
        let value = JSONValue.object([
            "list": .array([.string("ü\n"), .int(3), .double(0.25)]), "nested": .object(["x": .null, "y": .bool(false)]),
        ])
        #expect(JSONValue(jsonText: value.jsonText) == value)
    }

    @Test("search texts render the schema exactly as Python's json.dumps(indent=2, sort_keys=True, ensure_ascii=True)")
    func pythonCompatibleSchema() {
        let schema: [String: JSONValue] = [
            "b": .int(1), "a": .object(["z": .array([.int(1), .double(2.5), .string("x")]), "y": .object([:])]), "é": .string("ñ😀"),
            "list": .array([]), "n": .null, "t": .bool(true),
        ]
        let expected = """
            {
              "a": {
                "y": {},
                "z": [
                  1,
                  2.5,
                  "x"
                ]
              },
              "b": 1,
              "list": [],
              "n": null,
              "t": true,
              "\\u00e9": "\\u00f1\\ud83d\\ude00"
            }
            """
        #expect(SearchText.make(prompt: "Do it", inputSchema: schema) == "Prompt: Do it\n\nInput Schema:\n" + expected)
        #expect(SearchText.make(prompt: "Do it", inputSchema: [:]) == "Prompt: Do it\n\nInput Schema:\n{}")
    }

    @Test("a Data Insights section is dropped from queries and the prompt is recovered from a search text")
    func queryNormalisation() {
        let query = "Prompt: Sum the totals\n\nInput Schema:\n{}\n\nData Insights:\n- 3 rows"
        #expect(SearchText.normalisedQuery(query) == "Prompt: Sum the totals\n\nInput Schema:\n{}")
        #expect(SearchText.prompt(of: query) == "Sum the totals")
        #expect(SearchText.prompt(of: "just words") == "just words")
    }

    @Test("the embedded text is the canonical reading (paraphrases read alike, the schema block as it is), then the search text as written")
    func embeddedText() {
        let schema: [String: JSONValue] = ["rows": .string("list")]
        let searchText = SearchText.make(prompt: "Sum the values in column B", inputSchema: schema)
        let sum = SearchText.canonical(searchText)
        #expect(sum == SearchText.canonical(SearchText.make(prompt: "Add up all the values in column B", inputSchema: schema)))
        #expect(sum.hasSuffix("\n\nInput Schema:\n" + CanonicalJSON.pretty(.object(schema))))
        #expect(sum.hasPrefix("Prompt: "))
        #expect(SearchText.canonical(SearchText.make(prompt: "Average the values in column B", inputSchema: schema)) != sum)
        #expect(SearchText.embedded(searchText) == sum + "\n\n" + searchText)
        #expect(SearchText.embedded(searchText + SearchText.insightsMarker + "- 3 rows") == SearchText.embedded(searchText))
        #expect(SearchText.canonical("Prompt: the of\n\nInput Schema:\n{}") == "Prompt: the of\n\nInput Schema:\n{}")
        #expect(SearchText.canonical("Sum the values in column B") == String(sum.dropFirst("Prompt: ".count).prefix { $0 != "\n" }))
    }
}
