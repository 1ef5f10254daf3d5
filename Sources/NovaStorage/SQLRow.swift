import Foundation
import NovaJSON

/// One result row, by lower-case column name, with typed accessors that fail loudly on a schema mismatch.
package struct SQLRow: Sendable {
    private let columns: SQLColumns
    private let values: [SQLValue]

    /// The row of `values`, in the order of `columns`.
    package init(_ columns: SQLColumns, _ values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw value of `column`; a missing column is an error.
    package subscript(column: String) -> SQLValue {
        get throws {
            guard let position = columns.position(of: column), position < values.count else {
                throw SQLRowError(column: column, problem: "is not in the result")
            }
            return values[position]
        }
    }

    package func int(_ column: String) throws -> Int {
        try required(column, intOrNil)
    }

    package func intOrNil(_ column: String) throws -> Int? {
        switch try self[column] {
        case .null: return nil
        case .int(let value): return value
        case .double(let value) where Int(exactly: value) != nil: return Int(exactly: value)
        default: throw SQLRowError(column: column, problem: "is not an integer")
        }
    }

    package func double(_ column: String) throws -> Double {
        try required(column, doubleOrNil)
    }

    package func doubleOrNil(_ column: String) throws -> Double? {
        switch try self[column] {
        case .null: return nil
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .text(let text):
            guard let value = Double(text) else { throw SQLRowError(column: column, problem: "is not a number") }
            return value
        case .blob: throw SQLRowError(column: column, problem: "is not a number")
        }
    }

    package func text(_ column: String) throws -> String {
        try required(column, textOrNil)
    }

    package func textOrNil(_ column: String) throws -> String? {
        switch try self[column] {
        case .null: return nil
        case .text(let value): return value
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        default: throw SQLRowError(column: column, problem: "is not text")
        }
    }

    /// The value of a NOT NULL column read by `read`; null is a schema mismatch.
    private func required<T>(_ column: String, _ read: (String) throws -> T?) throws -> T {
        guard let value = try read(column) else { throw SQLRowError(column: column, problem: "is null") }
        return value
    }

    package func bool(_ column: String) throws -> Bool {
        try int(column) != 0
    }

    package func date(_ column: String) throws -> Date {
        Date(microsecondsSince1970: try int(column))
    }

    package func dateOrNil(_ column: String) throws -> Date? {
        try intOrNil(column).map(Date.init(microsecondsSince1970:))
    }

    /// The bytes of a NOT NULL byte-string column.
    package func blob(_ column: String) throws -> Data {
        guard case .blob(let bytes) = try self[column] else { throw SQLRowError(column: column, problem: "is not a byte string") }
        return bytes
    }

    package func json(_ column: String) throws -> JSONValue {
        try required(column, jsonOrNil)
    }

    package func jsonOrNil(_ column: String) throws -> JSONValue? {
        guard let text = try textOrNil(column) else { return nil }
        guard let value = JSONValue(jsonText: text) else { throw SQLRowError(column: column, problem: "is not JSON") }
        return value
    }
}

/// A stored row that does not have the shape the code expects (a schema mismatch, never user input).
package struct SQLRowError: Error, CustomStringConvertible {
    package let column: String
    package let problem: String

    package var description: String { "column \(column) \(problem)" }
}
