import Foundation
import NovaCore
import NovaStorage

/// ``CircuitBreakerStateStore`` in SQL (`circuit_breakers`), shared by every process on the database (D13).
struct SQLCircuitBreakerStateStore: CircuitBreakerStateStore {
    let db: any SQLExecutor

    func snapshot(name: String) async throws -> CircuitBreakerSnapshot? {
        guard
            let row = try await db.read(
                "SELECT name, state, failure_count, failure_threshold, opened_at, updated_at FROM circuit_breakers WHERE name = ?", [name]
            ).first
        else { return nil }
        return CircuitBreakerSnapshot(
            name: try row.text("name"), state: CircuitBreakerSnapshot.State(rawValue: try row.text("state")) ?? .closed,
            failureCount: try row.int("failure_count"), failureThreshold: try row.int("failure_threshold"), openedAt: try row.dateOrNil("opened_at"),
            updatedAt: try row.date("updated_at"))
    }

    func save(_ snapshot: CircuitBreakerSnapshot) async throws {
        _ = try await db.write(
            """
            INSERT INTO circuit_breakers (name, state, failure_count, failure_threshold, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET state = excluded.state, failure_count = excluded.failure_count,
                failure_threshold = excluded.failure_threshold, opened_at = excluded.opened_at, updated_at = excluded.updated_at
            """,
            [snapshot.name, snapshot.state.rawValue, snapshot.failureCount, snapshot.failureThreshold, snapshot.openedAt, snapshot.updatedAt])
    }
}
