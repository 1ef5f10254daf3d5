/// A change another process made to a shared code-entry store, as announced to replicas (PostgreSQL NOTIFY).
package enum CodeEntryChange: Sendable, Equatable {
    /// The entry was added or its counts changed.
    case upserted(String)
    /// The entry was deleted.
    case deleted(String)
    /// Every entry was deleted.
    case cleared
    /// Many entries changed (import, re-index): reload everything.
    case reload

    /// The notification payload: `upsert:<id>`, `delete:<id>`, `clear` or `reload`.
    package var payload: String {
        switch self {
        case .upserted(let id): "upsert:\(id)"
        case .deleted(let id): "delete:\(id)"
        case .cleared: "clear"
        case .reload: "reload"
        }
    }

    /// Parses a payload; anything unknown asks for a reload.
    package init(payload: String) {
        if payload.hasPrefix("upsert:") {
            self = .upserted(String(payload.dropFirst("upsert:".count)))
        } else if payload.hasPrefix("delete:") {
            self = .deleted(String(payload.dropFirst("delete:".count)))
        } else if payload == "clear" {
            self = .cleared
        } else {
            self = .reload
        }
    }
}
