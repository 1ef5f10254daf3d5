import Foundation
import Logging
import NIOCore
import PostgresNIO

/// ``SQLExecutor`` over a pooled PostgresNIO client (`DATABASE_URL`); `?` placeholders become `$1…$n`.
package struct PostgresExecutor: SQLExecutor {
    let client: PostgresClient
    let logger: Logger

    /// The executor over `client`, which must be running.
    package init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    package var dialect: SQLDialect { .postgres }

    package func read(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        try await write(sql, arguments)
    }

    package func write(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        let query = Self.query(sql, arguments.map(\.sqlValue))
        return try await Self.translatingErrors { try await Self.collect(try await client.query(query, logger: logger)) }
    }

    /// One statement is atomic on its own and runs without `BEGIN`/`COMMIT`, saving two round trips (the engine's
    /// chain entry of every node without agent steps).
    package func transaction(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        if statements.count == 1, let only = statements.first {
            let query = Self.query(only.sql, try only.values(after: []))
            return [try await Self.translatingErrors { try await Self.collect(try await client.query(query, logger: logger)) }]
        }
        return try await Self.translatingErrors {
            try await client.withTransaction(logger: logger) { connection in
                var results: [[SQLRow]] = []
                for statement in statements {
                    let query = Self.query(statement.sql, try statement.values(after: results))
                    results.append(try await Self.collect(try await connection.query(query, logger: logger)))
                }
                return results
            }
        }
    }

    /// Streams one query ordered by ``SQLDialect/insertionOrder``.
    package func forEachRow(inInsertionOrderOf table: String, columns: String, _ visit: (SQLRow) throws -> Void) async throws -> Int {
        let sql = "SELECT \(columns) FROM \(table) ORDER BY \(dialect.insertionOrder)"
        let rows = try await Self.translatingErrors { try await client.query(Self.query(sql, []), logger: logger) }
        var count = 0
        try await Self.forEach(rows) { row in
            try visit(row)
            count += 1
        }
        return count
    }

    /// The query with numbered placeholders (a `?` inside a quoted literal is left alone) and its bindings.
    private static func query(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
        var text = ""
        var number = 0
        var quoted = false
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?" && !quoted {
                number += 1
                text += "$\(number)"
            } else {
                text.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .int(let number): bindings.append(number)
            case .double(let number): bindings.append(number)
            case .text(let string): bindings.append(string)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    private static func collect(_ rows: PostgresRowSequence) async throws -> [SQLRow] {
        var collected: [SQLRow] = []
        try await forEach(rows) { collected.append($0) }
        return collected
    }

    /// Hands each row of a result to `visit` as it arrives; the rows share the ``SQLColumns`` of the first and each
    /// holds only its values.
    private static func forEach(_ rows: PostgresRowSequence, _ visit: (SQLRow) throws -> Void) async throws {
        var columns: SQLColumns?
        for try await row in rows {
            let shared = columns ?? SQLColumns(row.map(\.columnName))
            columns = shared
            try visit(SQLRow(shared, try row.map { try SQLValue($0) }))
        }
    }

    private static func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            throw translated(error.closureError ?? error)
        } catch {
            throw translated(error)
        }
    }

    private static func translated(_ error: any Error) -> any Error {
        switch (error as? PSQLError)?.serverInfo?[.sqlState] {
        case "23505": SQLConstraintViolation.unique
        case "23503": SQLConstraintViolation.foreignKey
        default: error
        }
    }
}

extension SQLValue {
    fileprivate init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .int(try cell.decode(Int.self))
        case .float4, .float8: self = .double(try cell.decode(Double.self))
        case .bool: self = .int(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea: self = .blob(Data(try cell.decode(ByteBuffer.self).readableBytesView))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
