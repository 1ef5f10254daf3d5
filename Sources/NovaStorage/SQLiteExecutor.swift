import Foundation
import GRDB

/// ``SQLExecutor`` over the embedded SQLite file (GRDB pool: WAL, concurrent reads, one writer, foreign keys on).
package struct SQLiteExecutor: SQLExecutor {
    let pool: DatabasePool

    /// The executor over `pool`.
    package init(pool: DatabasePool) {
        self.pool = pool
    }

    package var dialect: SQLDialect { .sqlite }

    package func read(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        let values = arguments.map(\.sqlValue)
        return try await Self.translatingErrors { try await pool.read { db in try Self.run(db, sql, values) } }
    }

    package func write(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        let values = arguments.map(\.sqlValue)
        return try await Self.translatingErrors { try await pool.write { db in try Self.run(db, sql, values) } }
    }

    package func transaction(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
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

    /// Reads pages of ``pageSize`` rows by `rowid`; no read stays open while `visit` runs.
    package func forEachRow(inInsertionOrderOf table: String, columns: String, _ visit: (SQLRow) throws -> Void) async throws -> Int {
        let order = dialect.insertionOrder
        let page = "SELECT \(order) AS insertion_position, \(columns) FROM \(table) WHERE \(order) > ? ORDER BY \(order) LIMIT ?"
        var count = 0
        var after = 0
        while true {
            let rows = try await read(page, [after, Self.pageSize])
            for row in rows { try visit(row) }
            count += rows.count
            guard let last = rows.last, rows.count == Self.pageSize else { return count }
            after = try last.int("insertion_position")
        }
    }

    /// Rows read at once by ``forEachRow(inInsertionOrderOf:columns:_:)``.
    private static let pageSize = 1000

    /// Runs one statement; the rows share one ``SQLColumns`` and each holds only its values.
    private static func run(_ db: Database, _ sql: String, _ values: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.makeStatement(sql: sql)
        let columns = SQLColumns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(values.map(\.databaseValue)))
        var rows: [SQLRow] = []
        while let row = try cursor.next() {
            rows.append(SQLRow(columns, row.map { SQLValue($0.1) }))
        }
        return rows
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
        case .blob(let bytes): self = .blob(bytes)
        }
    }

    fileprivate var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .int(let number): number.databaseValue
        case .double(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): bytes.databaseValue
        }
    }
}
