import Foundation
import NovaCore
import NovaJSON
import NovaStorage

/// ``ClientStore`` in SQL: `clients` and `client_credentials` (values only sealed).
struct SQLClientStore: ClientStore {
    let db: any SQLExecutor

    private static let clientColumns = "id, slug, name, is_active, created_at, updated_at"
    private static let credentialColumns = "id, client_id, kind, name, is_primary, field_names, sealed_values, created_at, updated_at"

    func createClient(_ draft: ClientDraft, at time: Date) async throws -> Client {
        let rows = try await SQLConstraintViolation.reportingUnique(as: .clientSlug(draft.slug)) {
            try await db.write(
                "INSERT INTO clients (slug, name, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING \(Self.clientColumns)",
                [draft.slug, draft.name, draft.isActive, time, time])
        }
        return try Self.client(rows[0])
    }

    func client(id: Int) async throws -> Client? {
        try await db.read("SELECT \(Self.clientColumns) FROM clients WHERE id = ?", [id]).first.map(Self.client)
    }

    func client(slug: String) async throws -> Client? {
        try await db.read("SELECT \(Self.clientColumns) FROM clients WHERE slug = ?", [slug]).first.map(Self.client)
    }

    func listClients(skip: Int, limit: Int) async throws -> Page<Client> {
        let rows = try await db.read("SELECT \(Self.clientColumns) FROM clients ORDER BY id LIMIT ? OFFSET ?", [limit, skip])
        let total = try await db.read("SELECT COUNT(*) AS n FROM clients", [])[0].int("n")
        return Page(items: try rows.map(Self.client), total: total)
    }

    func updateClient(id: Int, _ changes: ClientChanges, at time: Date) async throws -> Client? {
        let rows = try await SQLConstraintViolation.reportingUnique(as: .clientSlug(changes.slug ?? "")) {
            try await db.write(
                """
                UPDATE clients SET slug = COALESCE(?, slug), name = COALESCE(?, name), is_active = COALESCE(?, is_active), updated_at = ?
                WHERE id = ? RETURNING \(Self.clientColumns)
                """, [changes.slug, changes.name, changes.isActive, time, id])
        }
        return try rows.first.map(Self.client)
    }

    func deleteClient(id: Int) async throws -> Bool {
        try await !db.write("DELETE FROM clients WHERE id = ? RETURNING id", [id]).isEmpty
    }

    func addCredential(clientID: Int, _ draft: CredentialDraft, at time: Date) async throws -> StoredCredential? {
        var statements: [SQLStatement] = []
        if draft.isPrimary { statements.append(Self.unmarkPrimary(clientID: clientID, kind: draft.kind)) }
        statements.append(
            SQLStatement(
                """
                INSERT INTO client_credentials (client_id, kind, name, is_primary, field_names, sealed_values, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING \(Self.credentialColumns)
                """,
                [clientID, draft.kind.rawValue, draft.name, draft.isPrimary, Self.names(draft.values), draft.values.sealed, time, time]))
        do {
            return try Self.credential(try await db.transaction(statements).last![0])
        } catch SQLConstraintViolation.foreignKey {
            return nil
        }
    }

    func credentials(clientID: Int) async throws -> [StoredCredential] {
        try await db.read("SELECT \(Self.credentialColumns) FROM client_credentials WHERE client_id = ? ORDER BY id", [clientID]).map(Self.credential)
    }

    func credential(clientID: Int, id: Int) async throws -> StoredCredential? {
        try await db.read("SELECT \(Self.credentialColumns) FROM client_credentials WHERE client_id = ? AND id = ?", [clientID, id]).first.map(
            Self.credential)
    }

    func updateCredential(clientID: Int, id: Int, _ changes: CredentialChanges, at time: Date) async throws -> StoredCredential? {
        guard let current = try await credential(clientID: clientID, id: id) else { return nil }
        let next = changes.applied(to: current, at: time)
        var statements: [SQLStatement] = []
        if changes.isPrimary == true { statements.append(Self.unmarkPrimary(clientID: clientID, kind: current.kind)) }
        statements.append(
            SQLStatement(
                """
                UPDATE client_credentials SET name = ?, is_primary = ?, field_names = ?, sealed_values = ?, updated_at = ?
                WHERE client_id = ? AND id = ? RETURNING \(Self.credentialColumns)
                """, [next.name, next.isPrimary, Self.names(next.values), next.values.sealed, time, clientID, id]))
        return try await db.transaction(statements).last?.first.map(Self.credential)
    }

    func deleteCredential(clientID: Int, id: Int) async throws -> Bool {
        do {
            return try await !db.write("DELETE FROM client_credentials WHERE client_id = ? AND id = ? RETURNING id", [clientID, id]).isEmpty
        } catch SQLConstraintViolation.foreignKey {
            throw StoreConflict.credentialInUse(id)
        }
    }

    func credentialSample() async throws -> (count: Int, sample: StoredCredential?) {
        let count = try await db.read("SELECT COUNT(*) AS n FROM client_credentials", [])[0].int("n")
        let sample = try await db.read("SELECT \(Self.credentialColumns) FROM client_credentials ORDER BY id LIMIT 1", []).first.map(Self.credential)
        return (count, sample)
    }

    private static func unmarkPrimary(clientID: Int, kind: CredentialKind) -> SQLStatement {
        SQLStatement("UPDATE client_credentials SET is_primary = 0 WHERE client_id = ? AND kind = ?", [clientID, kind.rawValue])
    }

    private static func names(_ values: SealedCredentialValues) -> JSONValue {
        .array(values.fieldNames.map(JSONValue.string))
    }

    private static func client(_ row: SQLRow) throws -> Client {
        Client(
            id: try row.int("id"), slug: try row.text("slug"), name: try row.text("name"), isActive: try row.bool("is_active"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    private static func credential(_ row: SQLRow) throws -> StoredCredential {
        let names = try row.json("field_names").arrayValue?.compactMap(\.stringValue) ?? []
        return StoredCredential(
            id: try row.int("id"), clientID: try row.int("client_id"), kind: CredentialKind(rawValue: try row.text("kind")) ?? .apiKey,
            name: try row.text("name"), isPrimary: try row.bool("is_primary"),
            values: SealedCredentialValues(fieldNames: names, sealed: try row.text("sealed_values")), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
