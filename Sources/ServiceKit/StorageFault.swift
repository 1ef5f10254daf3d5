import Foundation
import GRDB
import PostgresNIO

/// A store that cannot take a write: full, read-only, or failing at the file level. Both services answer it in their
/// envelope with a message an operator can act on, never the database's own text (which names files and internals).
package enum StorageFault: Sendable, Equatable {
    /// No space left (SQLite `SQLITE_FULL`, PostgreSQL `53100 disk_full`, `ENOSPC`): 507.
    case full
    /// The store refuses writes (SQLite read-only, permission or I/O errors, PostgreSQL read-only transaction): 503.
    case unwritable

    /// The fault behind `error`, nil for any other error.
    package init?(_ error: any Error) {
        if let sqlite = error as? DatabaseError {
            switch sqlite.resultCode {
            case .SQLITE_FULL: self = .full
            case .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM: self = .unwritable
            default: return nil
            }
        } else if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            switch state {
            case "53100": self = .full
            case "25006", "53000", "53200", "58030": self = .unwritable
            default: return nil
            }
        } else if let posix = error as? POSIXError {
            switch posix.code {
            case .ENOSPC, .EDQUOT: self = .full
            case .EROFS, .EACCES, .EIO: self = .unwritable
            default: return nil
            }
        } else {
            return nil
        }
    }

    /// The answer: 507 or 503 with `Retry-After`, and what to do about it.
    package var serviceError: ServiceError {
        switch self {
        case .full:
            ServiceError(
                .init(code: 507, reasonPhrase: "Insufficient Storage"),
                "The data store is full: nothing was written. Free disk space on the data volume (or the database server), then retry",
                headers: [.retryAfter: "60"])
        case .unwritable:
            ServiceError(
                .serviceUnavailable,
                "The data store cannot be written (read-only, no permission or an I/O error): nothing was written. "
                    + "Check that the data volume is mounted read-write and healthy, then retry",
                headers: [.retryAfter: "60"])
        }
    }
}
