import Logging
import PostgresNIO

/// ``SQLExecutor`` over a pooled PostgresNIO client (`DATABASE_URL`); `?` placeholders become `$1…$n`.
struct PostgresExecutor: SQLExecutor {
    let client: PostgresClient
    let logger: Logger

    var allowsUpdateInWith: Bool { true }

    func read(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        try await write(sql, arguments)
    }

    func write(_ sql: String, _ arguments: [any SQLConvertible]) async throws -> [SQLRow] {
        let query = Self.query(sql, arguments.map(\.sqlValue))
        return try await Self.translatingErrors { try await Self.collect(try await client.query(query, logger: logger)) }
    }

    /// One statement is atomic on its own and runs without `BEGIN`/`COMMIT`, saving two round trips (the engine's
    /// chain entry of every node without agent steps).
    func transaction(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
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

    /// The query with numbered placeholders (a `?` inside a quoted literal is left alone) and its bindings.
    static func query(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
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
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    private static func collect(_ rows: PostgresRowSequence) async throws -> [SQLRow] {
        var collected: [SQLRow] = []
        for try await row in rows {
            var values: [String: SQLValue] = [:]
            for cell in row {
                values[cell.columnName] = try SQLValue(cell)
            }
            collected.append(SQLRow(values))
        }
        return collected
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
        default: self = .text(try cell.decode(String.self))
        }
    }
}
