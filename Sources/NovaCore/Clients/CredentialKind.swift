/// The kinds of client credentials and the fields each holds (docs/api.md §3.10 names them as context keys).
package enum CredentialKind: String, Sendable, CaseIterable, Codable {
    /// IMAP/SMTP mailbox: injected as `email_user`, `email_password`, `imap_host`, … .
    case email
    /// A client database: injected as `db_host`, `db_port`, `db_name`, `db_user`, `db_password`.
    case database
    /// A third-party API key (`api_key`, optional `api_secret`).
    case apiKey = "api_key"

    /// The fields a credential of this kind may hold.
    package var fields: [CredentialField] {
        switch self {
        case .email:
            [
                .init("email_user", .string, required: true), .init("email_password", .string, required: true),
                .init("imap_host", .string, required: true), .init("imap_port", .port, required: false),
                .init("smtp_host", .string, required: true), .init("smtp_port", .port, required: false),
                .init("sender_whitelist", .strings, required: false),
            ]
        case .database:
            [
                .init("db_host", .string, required: true), .init("db_port", .port, required: false), .init("db_name", .string, required: true),
                .init("db_user", .string, required: true), .init("db_password", .string, required: true),
            ]
        case .apiKey:
            [.init("api_key", .string, required: true), .init("api_secret", .string, required: false)]
        }
    }
}

/// One field of a credential.
package struct CredentialField: Sendable, Equatable {
    /// The JSON type a field's value must have.
    package enum ValueType: Sendable, Equatable {
        /// A non-empty string.
        case string
        /// An integer from 1 to 65535.
        case port
        /// An array of strings.
        case strings
    }

    /// The context key, e.g. `db_password`.
    package let name: String
    /// Its type.
    package let type: ValueType
    /// Whether a new credential must have it.
    package let required: Bool

    /// Creates the field.
    package init(_ name: String, _ type: ValueType, required: Bool) {
        self.name = name
        self.type = type
        self.required = required
    }
}
