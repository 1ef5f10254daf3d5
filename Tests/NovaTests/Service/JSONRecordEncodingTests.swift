import Foundation
import NovaJSON
import Testing

/// Typed records become JSON values with the number kinds, nulls and absent keys their types say.
@Suite("JSONValue(record:)")
struct JSONRecordEncodingTests {
    private struct Inner: Encodable, Equatable {
        let flag: Bool
        let small: UInt8
    }

    private struct Record: Encodable {
        let whole: Double
        let count: Int
        let text: String
        let absent: String?
        @NullEncoded var nothing: Int?
        let list: [Double?]
        let nested: Inner
        let free: JSONValue
        let map: [String: Int]

        enum CodingKeys: String, CodingKey {
            case whole, count, text, absent, nothing, list, nested, free, map
        }
    }

    @Test("a float stays a float, an optional is left out, a NullEncoded member is null, nested values keep their shape")
    func shapes() {
        let record = Record(
            whole: 21, count: 3, text: "a\"b", absent: nil, nothing: nil, list: [1.5, nil], nested: Inner(flag: true, small: 7),
            free: .object(["x": .double(2.0)]), map: ["k": 1])
        let value = JSONValue(record: record)
        #expect(
            value.jsonText
                == #"{"count":3,"free":{"x":2.0},"list":[1.5,null],"map":{"k":1},"nested":{"flag":true,"small":7},"nothing":null,"text":"a\"b","whole":21.0}"#
        )
    }

    @Test("two records merged into one object: the second wins on a shared key")
    func merged() {
        struct First: Encodable {
            let a = 1
            let shared = "first"
        }
        struct Second: Encodable {
            let b = 2.5
            let shared = "second"
        }
        #expect(JSONValue(record: MergedRecord(First(), Second())).jsonText == #"{"a":1,"b":2.5,"shared":"second"}"#)
    }

    @Test("a record encodes to the same JSON through JSONEncoder as through its JSON value")
    func sameAsJSONEncoder() throws {
        let record = Inner(flag: false, small: 200)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let direct = try #require(String(data: try encoder.encode(record), encoding: .utf8))
        let throughValue = try #require(String(data: try encoder.encode(JSONValue(record: record)), encoding: .utf8))
        #expect(direct == throughValue)
    }
}
