import Foundation
import GRDB

/// ``SQLExecutor`` over the embedded SQLite file (GRDB pool: WAL, concurrent reads, one writer, foreign keys on).
struct SQLiteExecutor: SQLExecutor {
    let pool: DatabasePool

    var allowsUpdateInWith: Bool { false }

    func read(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        let values = arguments.map(\.sqlValue)
        return try await Self.translatingErrors { try await pool.read { db in try Self.run(db, sql, values) } }
    }

    func write(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        let values = arguments.map(\.sqlValue)
        return try await Self.translatingErrors { try await pool.write { db in try Self.run(db, sql, values) } }
    }

    func transaction(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        try await Self.translatingErrors {
            try await pool.write { db in
                var results: [[SQLRow]] = []
                for statement in statements {
                    results.append(try Self.run(db, statement.sql, try statement.values(after: results)))
                }
                return results
            }
        }
    }

    private static func run(_ db: Database, _ sql: String, _ values: [SQLValue]) throws -> [SQLRow] {
        let arguments = StatementArguments(values.map(\.databaseValue))
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            SQLRow(Dictionary(row.map { ($0.0, SQLValue($0.1)) }) { first, _ in first })
        }
    }

    private static func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            switch error.extendedResultCode {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: throw SQLConstraintViolation.unique
            case .SQLITE_CONSTRAINT_FOREIGNKEY: throw SQLConstraintViolation.foreignKey
            default: throw error
            }
        }
    }
}

extension SQLValue {
    fileprivate init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .int(Int(number))
        case .double(let number): self = .double(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }

    fileprivate var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .int(let number): number.databaseValue
        case .double(let number): number.databaseValue
        case .text(let text): text.databaseValue
        }
    }
}
