import Foundation
import Logging
import NovaCore
import ServiceKit
import ServiceLifecycle
import Shared

/// Checks the database, Redis, the job queue and nova-rag every few seconds in the background so that `GET /health` answers
/// from memory (docs/api.md §3.2: at most 10 s old). Logs a line when a component changes state.
actor ComponentMonitor: Service {
    private let database: SQLDatabase
    private let redis: RedisConnection?
    private let queue: RedisJobQueue?
    private let rag: NovaRAGClient?
    private let interval: Duration
    private let logger: Logger
    private(set) var latest: ComponentStatus

    /// Creates the monitor; the first check runs when the service starts.
    init(
        database: SQLDatabase, redis: RedisConnection?, queue: RedisJobQueue?, rag: NovaRAGClient?, interval: Duration = .seconds(5), logger: Logger
    ) {
        self.database = database
        self.redis = redis
        self.queue = queue
        self.rag = rag
        self.interval = interval
        self.logger = logger
        self.latest = ComponentStatus(
            database: "connected", redis: redis == nil ? "not_configured" : "connected", ragService: rag == nil ? "not_configured" : "unreachable",
            queue: queue == nil ? "in_process" : "ok", checkedAt: Date())
    }

    /// Checks until graceful shutdown, which interrupts a check or a pause at once.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.refresh()
                try await Task.sleep(for: self.interval)
            }
        }
    }

    /// Runs every check once and stores the result.
    func refresh() async {
        let next = ComponentStatus(
            database: await databaseState(), redis: await redisState(), ragService: await ragState(), queue: await queueState(), checkedAt: Date())
        if next.database != latest.database || next.redis != latest.redis || next.ragService != latest.ragService || next.queue != latest.queue {
            logger.info(
                "component state",
                metadata: [
                    "database": .string(next.database), "redis": .string(next.redis), "rag_service": .string(next.ragService),
                    "queue": .string(next.queue),
                ])
        }
        latest = next
    }

    /// A live `SELECT 1` (used by `/health/components` too).
    func databaseState() async -> String {
        do {
            _ = try await withDeadline(seconds: 5) { [database] in try await database.ping() }
            return "connected"
        } catch {
            return "error: \(error)"
        }
    }

    private func redisState() async -> String {
        guard let redis else { return "not_configured" }
        let answer = try? await redis.command(["PING"])
        return answer == .status("PONG") ? "connected" : "unreachable"
    }

    private func queueState() async -> String {
        guard let queue, let redis else { return "in_process" }
        return await queue.leaseProblem(probingWith: redis).map { "degraded: \($0)" } ?? "ok"
    }

    private func ragState() async -> String {
        guard let rag else { return "not_configured" }
        return (try? await rag.health()) != nil ? "connected" : "unreachable"
    }
}
