/// A statement of a transaction, whose arguments may take a value returned by an earlier statement.
package struct SQLStatement: Sendable {
    /// An argument: a value, or a column of the first row returned by an earlier statement of the transaction.
    package enum Argument: Sendable {
        case value(SQLValue)
        case returned(statement: Int, column: String)
    }

    package let sql: String
    package let arguments: [Argument]

    /// A statement with plain values.
    package init(_ sql: String, _ values: [any SQLConvertible]) {
        self.sql = sql
        self.arguments = values.map { .value($0.sqlValue) }
    }

    /// A statement with arguments that may refer to earlier results.
    package init(_ sql: String, arguments: [Argument]) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The values to bind, given the rows of the statements before it.
    package func values(after results: [[SQLRow]]) throws -> [SQLValue] {
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
