import Foundation
import NovaJSON
import Shared

/// The outcome of the last background check of nova's components, read by `GET /health`.
struct ComponentStatus: Sendable, Equatable {
    /// `connected` or `error: <message>`.
    var database: String
    /// `connected`, `unreachable` or `not_configured`.
    var redis: String
    /// `connected`, `unreachable` or `not_configured`.
    var ragService: String
    /// `in_process`, `ok` or `degraded: <reason>`.
    var queue: String
    /// The embedded store's disk: `ok`, `full: <n> MiB free in <dir>` or `unwritable: <dir> (<reason>)`; `remote` on PostgreSQL.
    var storage: String
    /// When the check ran.
    var checkedAt: Date

    /// The `/health` document.
    var health: NovaHealth {
        NovaHealth(database: database, redis: redis, ragService: ragService, checkedAt: WireDate.naive(checkedAt), queue: queue, storage: storage)
    }

    /// The states alone, to tell whether anything changed between two checks.
    var withoutTime: [String] {
        [database, redis, ragService, queue, storage]
    }
}
