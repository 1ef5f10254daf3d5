/// Runs SQL written once for both backends: `?` placeholders, BIGINT/DOUBLE PRECISION/TEXT/blob columns, `RETURNING`
/// to learn what a write touched. ``SQLiteExecutor`` and ``PostgresExecutor`` are the two adapters; what differs
/// between their SQL is in ``SQLDialect``.
package protocol SQLExecutor: Sendable {
    /// The backend's SQL, for the few statements written differently for each.
    var dialect: SQLDialect { get }
    /// Runs a read-only statement.
    func read(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow]
    /// Runs one writing statement (in its own transaction); returns the rows of its `RETURNING` clause.
    func write(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow]
    /// Runs statements in order in one transaction; returns each one's rows.
    func transaction(_ statements: [SQLStatement]) async throws -> [[SQLRow]]
    /// Hands every row of `table` (its `columns`) to `visit`, oldest insert first, without holding them all (SQLite
    /// reads pages by `rowid`, PostgreSQL streams one query; ``SQLDialect/insertionOrder``); returns how many there were.
    func forEachRow(inInsertionOrderOf table: String, columns: String, _ visit: (SQLRow) throws -> Void) async throws -> Int
}

/// A statement of a transaction referred to the result of an earlier one that returned no row (e.g. a guarded UPDATE
/// whose condition failed); the transaction was rolled back.
package struct SQLStatementMatchedNothing: Error, Equatable {
    /// The index of the earlier statement.
    package let statement: Int
}

/// A write refused by a constraint of the schema.
package enum SQLConstraintViolation: Error, Equatable {
    /// A UNIQUE or PRIMARY KEY constraint.
    case unique
    /// A FOREIGN KEY constraint.
    case foreignKey
}
