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
    /// When the check ran.
    var checkedAt: Date

    /// The `/health` document.
    var health: NovaHealth {
        NovaHealth(database: database, redis: redis, ragService: ragService, checkedAt: WireDate.naive(checkedAt), queue: queue)
    }
}
