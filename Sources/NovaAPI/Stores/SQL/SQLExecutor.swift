/// Runs SQL written once for both backends: `?` placeholders, BIGINT/DOUBLE PRECISION/TEXT columns, `RETURNING`
/// to learn what a write touched. ``SQLiteExecutor`` and ``PostgresExecutor`` are the two adapters.
protocol SQLExecutor: Sendable {
    /// Runs a read-only statement.
    func read(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow]
    /// Runs one writing statement (in its own transaction); returns the rows of its `RETURNING` clause.
    func write(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow]
    /// Runs statements in order in one transaction; returns each one's rows.
    func transaction(_ statements: [SQLStatement]) async throws -> [[SQLRow]]
    /// Whether a `WITH` clause may hold an `UPDATE … RETURNING` (PostgreSQL; SQLite may not), so that a guarded
    /// update and an insert can be one statement.
    var allowsUpdateInWith: Bool { get }
}

/// A statement of a transaction, whose arguments may take a value returned by an earlier statement.
struct SQLStatement: Sendable {
    /// An argument: a value, or a column of the first row returned by an earlier statement of the transaction.
    enum Argument: Sendable {
        case value(SQLValue)
        case returned(statement: Int, column: String)
    }

    let sql: String
    let arguments: [Argument]

    /// A statement with plain values.
    init(_ sql: String, _ values: [any SQLConvertible]) {
        self.sql = sql
        self.arguments = values.map { .value($0.sqlValue) }
    }

    /// A statement with arguments that may refer to earlier results.
    init(_ sql: String, arguments: [Argument]) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The values to bind, given the rows of the statements before it.
    func values(after results: [[SQLRow]]) throws -> [SQLValue] {
        try arguments.map { argument in
            switch argument {
            case .value(let value): return value
            case .returned(let index, let column):
                guard index < results.count, let row = results[index].first else { throw SQLStatementMatchedNothing(statement: index) }
                return try row[column]
            }
        }
    }
}

/// A statement of a transaction referred to the result of an earlier one that returned no row (e.g. a guarded UPDATE
/// whose condition failed); the transaction was rolled back.
struct SQLStatementMatchedNothing: Error, Equatable {
    /// The index of the earlier statement.
    let statement: Int
}

/// A write refused by a constraint of the schema.
enum SQLConstraintViolation: Error, Equatable {
    /// A UNIQUE or PRIMARY KEY constraint.
    case unique
    /// A FOREIGN KEY constraint.
    case foreignKey
}
