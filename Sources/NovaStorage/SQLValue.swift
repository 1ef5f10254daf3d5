import Foundation
import NovaJSON

/// A value bound to or read from a SQL statement, in the types both backends share: BIGINT, DOUBLE PRECISION, TEXT
/// and byte strings (booleans as 0/1, instants as microseconds since 1970, JSON as text, vectors as bytes).
package enum SQLValue: Sendable, Equatable {
    case null
    case int(Int)
    case double(Double)
    case text(String)
    case blob(Data)
}

/// A Swift value that binds to a statement argument.
package protocol SQLConvertible: Sendable {
    /// The value bound.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLConvertible {
    package var sqlValue: SQLValue { self }
}

extension Int: SQLConvertible {
    package var sqlValue: SQLValue { .int(self) }
}

extension Double: SQLConvertible {
    package var sqlValue: SQLValue { .double(self) }
}

extension String: SQLConvertible {
    package var sqlValue: SQLValue { .text(self) }
}

extension Bool: SQLConvertible {
    package var sqlValue: SQLValue { .int(self ? 1 : 0) }
}

extension Data: SQLConvertible {
    package var sqlValue: SQLValue { .blob(self) }
}

extension Date: SQLConvertible {
    package var sqlValue: SQLValue { .int(microsecondsSince1970) }

    /// Whole microseconds since 1970 (how instants are stored).
    package var microsecondsSince1970: Int { Int((timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The instant `microseconds` after 1970.
    package init(microsecondsSince1970 microseconds: Int) {
        self.init(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }
}

extension JSONValue: SQLConvertible {
    package var sqlValue: SQLValue { .text(jsonText) }
}

extension Optional: SQLConvertible where Wrapped: SQLConvertible {
    package var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
