import NovaJSON

/// Client and credential bodies for route tests.
enum ClientFixtures {
    static func client(_ slug: String = "acme", active: Bool = true) -> JSONValue {
        .object(["slug": .string(slug), "name": .string("Acme Corp"), "is_active": .bool(active)])
    }

    static func email(password: String = "mail-password", primary: Bool = true) -> JSONValue {
        .object([
            "kind": .string("email"), "name": .string("invoices inbox"), "is_primary": .bool(primary),
            "values": .object([
                "email_user": .string("invoices@acme.test"), "email_password": .string(password), "imap_host": .string("imap.acme.test"),
                "smtp_host": .string("smtp.acme.test"), "sender_whitelist": .array([.string("billing@vendor.test")]),
            ]),
        ])
    }

    static func database(password: String = "db-password") -> JSONValue {
        .object([
            "kind": .string("database"), "name": .string("erp"),
            "values": .object([
                "db_host": .string("db.acme.test"), "db_port": .int(5433), "db_name": .string("erp"), "db_user": .string("nova"),
                "db_password": .string(password),
            ]),
        ])
    }

    static func apiKey(_ key: String) -> JSONValue {
        .object(["kind": .string("api_key"), "name": .string("vision"), "values": .object(["api_key": .string(key)])])
    }

    static func schema(credential: Int, table: String = "invoices") -> JSONValue {
        .object([
            "database_credential_id": .int(credential), "table_name": .string(table),
            "schema_definition": .object(["columns": .array([.string("id"), .string("total_amount")])]), "description": .string("Invoice table"),
        ])
    }
}
