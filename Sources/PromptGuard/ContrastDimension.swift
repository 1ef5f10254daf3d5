/// A closed set of mutually exclusive values (ascending or descending, insert or delete, …) on which two prompts
/// must agree whenever both name one.
enum ContrastDimension: String, Sendable, CaseIterable {
    /// Sort order: ascending, descending.
    case sortOrder
    /// Which end of a sequence: first (top, oldest), last (bottom, newest).
    case position
    /// Extreme value: maximum, minimum.
    case extreme
    /// Comparison operator: >, >=, <, <=, =, !=, within.
    case comparison
    /// Aggregate: sum, average, median, count, standard deviation.
    case aggregate
    /// Data action: read, insert, update, delete, move.
    case action
    /// Transfer: import, export, upload, download.
    case transfer
    /// Time relation: before, after.
    case timing
    /// Calendar period relative to now: previous ("last month", "yesterday"), current ("this year"), next.
    case period
    /// Rounding or movement: up, down.
    case vertical
    /// Arithmetic: add, subtract, multiply, divide.
    case arithmetic
    /// Text case: lower, upper, title.
    case letterCase
    /// Encoding: encrypt, decrypt, encode, decode, compress, decompress.
    case encoding
    /// Structure: split, join.
    case structure
    /// Amount basis: net (excluding tax), gross (including tax).
    case amountBasis
    /// Consent: opted in, opted out.
    case consent

    /// The kind named in a conflict on this dimension.
    var kind: String {
        switch self {
        case .sortOrder, .position, .extreme, .transfer, .timing, .period, .vertical: "direction"
        case .comparison: "comparison"
        case .aggregate, .action, .arithmetic, .letterCase, .encoding, .structure: "operation"
        case .amountBasis: "field"
        case .consent: "negation"
        }
    }
}
