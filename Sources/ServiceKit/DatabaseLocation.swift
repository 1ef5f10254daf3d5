import Foundation

/// Where a service keeps its data: an embedded SQLite file (default) or PostgreSQL (`DATABASE_URL`).
package enum DatabaseLocation: Sendable {
    /// A SQLite file at this path.
    case sqlite(path: String)
    /// A PostgreSQL server.
    case postgres(PostgresURL)

    /// Reads `DATABASE_URL` (`postgres://` or `postgresql://`, optional `?sslmode=disable|prefer|require`);
    /// unset means the SQLite file `fileName` under `dataDirectory`.
    package static func parse(databaseURL: String?, dataDirectory: String, fileName: String) throws -> DatabaseLocation {
        guard let databaseURL else {
            return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName).path)
        }
        return .postgres(try PostgresURL(databaseURL))
    }

    /// The folder of the SQLite file, whose disk `/health` checks; nil on PostgreSQL.
    package var embeddedDirectory: String? {
        guard case .sqlite(let path) = self else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

}
