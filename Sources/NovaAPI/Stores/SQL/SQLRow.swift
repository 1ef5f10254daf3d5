import Foundation
import NovaJSON

/// One result row, by lower-case column name, with typed accessors that fail loudly on a schema mismatch.
struct SQLRow: Sendable {
    private let values: [String: SQLValue]

    /// Wraps column values.
    init(_ values: [String: SQLValue]) {
        self.values = Dictionary(values.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
    }

    /// The raw value of `column`; a missing column is an error.
    subscript(column: String) -> SQLValue {
        get throws {
            guard let value = values[column] else { throw SQLRowError(column: column, problem: "is not in the result") }
            return value
        }
    }

    func int(_ column: String) throws -> Int {
        try required(column, intOrNil)
    }

    func intOrNil(_ column: String) throws -> Int? {
        switch try self[column] {
        case .null: return nil
        case .int(let value): return value
        case .double(let value) where Int(exactly: value) != nil: return Int(exactly: value)
        default: throw SQLRowError(column: column, problem: "is not an integer")
        }
    }

    func double(_ column: String) throws -> Double {
        try required(column, doubleOrNil)
    }

    func doubleOrNil(_ column: String) throws -> Double? {
        switch try self[column] {
        case .null: return nil
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .text(let text):
            guard let value = Double(text) else { throw SQLRowError(column: column, problem: "is not a number") }
            return value
        }
    }

    func text(_ column: String) throws -> String {
        try required(column, textOrNil)
    }

    func textOrNil(_ column: String) throws -> String? {
        switch try self[column] {
        case .null: return nil
        case .text(let value): return value
        default: throw SQLRowError(column: column, problem: "is not text")
        }
    }

    /// The value of a NOT NULL column read by `read`; null is a schema mismatch.
    private func required<T>(_ column: String, _ read: (String) throws -> T?) throws -> T {
        guard let value = try read(column) else { throw SQLRowError(column: column, problem: "is null") }
        return value
    }

    func bool(_ column: String) throws -> Bool {
        try int(column) != 0
    }

    func date(_ column: String) throws -> Date {
        Date(microsecondsSince1970: try int(column))
    }

    func dateOrNil(_ column: String) throws -> Date? {
        try intOrNil(column).map(Date.init(microsecondsSince1970:))
    }

    func json(_ column: String) throws -> JSONValue {
        try required(column, jsonOrNil)
    }

    func jsonOrNil(_ column: String) throws -> JSONValue? {
        guard let text = try textOrNil(column) else { return nil }
        guard let value = JSONValue(jsonText: text) else { throw SQLRowError(column: column, problem: "is not JSON") }
        return value
    }
}

/// A stored row that does not have the shape the code expects (a schema mismatch, never user input).
struct SQLRowError: Error, CustomStringConvertible {
    let column: String
    let problem: String

    var description: String { "column \(column) \(problem)" }
}
