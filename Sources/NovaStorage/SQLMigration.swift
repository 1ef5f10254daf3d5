/// One step of a service's schema: a version, a name, and statements written once for both backends with the
/// placeholders of ``SQLDialect/schema(_:)``.
package struct SQLMigration: Sendable {
    /// Increasing version number.
    package let version: Int
    /// What it adds, e.g. `initial`.
    package let name: String
    /// Statements run in order in one transaction.
    package let statements: [String]

    /// Creates a migration.
    package init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// The identifier SQLite's migrator records, e.g. `1_initial`.
    var identifier: String { "\(version)_\(name)" }

    /// The statements as `dialect` runs them.
    func statements(for dialect: SQLDialect) -> [String] {
        statements.map(dialect.schema)
    }
}
