import Foundation
import Logging
import NovaCore
import NovaStorage
import ServiceKit
import ServiceLifecycle
import Shared

/// Checks the database, Redis, the job queue, nova-rag and the data directory's free space every few seconds in the
/// background so that `GET /health` answers from memory (docs/api.md §3.2: at most 10 s old). Logs a line when a
/// component changes state.
///
/// The checks run side by side, each within a deadline that holds even when the check ignores cancellation (a query on
/// a frozen PostgreSQL connection): a stuck check reports itself as such and never holds back the others or
/// `checked_at`. A check still stuck from an earlier round is waited for again, not started a second time.
actor ComponentMonitor: Service {
    /// How long one check may take before it counts as failed.
    static let checkDeadlineSeconds = 5.0

    private let database: SQLDatabase
    private let redis: RedisConnection?
    private let queue: RedisJobQueue?
    private let rag: NovaRAGClient?
    private let dataDirectory: String?
    private let interval: Duration
    private let logger: Logger
    private var running: [String: Task<String, Never>] = [:]
    private(set) var latest: ComponentStatus

    /// Creates the monitor; the first check runs when the service starts. `dataDirectory` is the embedded store's
    /// directory, nil on PostgreSQL (whose disk is the server's).
    init(
        database: SQLDatabase, redis: RedisConnection?, queue: RedisJobQueue?, rag: NovaRAGClient?, dataDirectory: String?,
        interval: Duration = .seconds(5), logger: Logger
    ) {
        self.database = database
        self.redis = redis
        self.queue = queue
        self.rag = rag
        self.dataDirectory = dataDirectory
        self.interval = interval
        self.logger = logger
        self.latest = ComponentStatus(
            database: "connected", redis: redis == nil ? "not_configured" : "connected", ragService: rag == nil ? "not_configured" : "unreachable",
            queue: queue == nil ? "in_process" : "ok", storage: dataDirectory == nil ? "remote" : "ok", checkedAt: Date())
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

    /// Runs every check once, side by side, and stores the result.
    func refresh() async {
        async let database = check("database", timedOut: "error: no answer within \(Self.checkDeadlineSeconds) s") { [self] in
            await self.databaseAnswer()
        }
        async let redis = check("redis", timedOut: "unreachable") { [self] in await self.redisState() }
        async let rag = check("rag_service", timedOut: "unreachable") { [self] in await self.ragState() }
        async let queue = check("queue", timedOut: "degraded: Redis did not answer within \(Self.checkDeadlineSeconds) s") { [self] in
            await self.queueState()
        }
        let storage = dataDirectory.map(DiskSpace.state(of:)) ?? "remote"
        let next = ComponentStatus(
            database: await database, redis: await redis, ragService: await rag, queue: await queue, storage: storage, checkedAt: Date())
        if next.withoutTime != latest.withoutTime {
            logger.info(
                "component state",
                metadata: [
                    "database": .string(next.database), "redis": .string(next.redis), "rag_service": .string(next.ragService),
                    "queue": .string(next.queue), "storage": .string(next.storage),
                ])
        }
        latest = next
    }

    /// A live `SELECT 1` (used by `/health/components` too).
    func databaseState() async -> String {
        await check("database", timedOut: "error: no answer within \(Self.checkDeadlineSeconds) s") { [self] in await self.databaseAnswer() }
    }

    /// Runs `probe` (or waits again for the one of an earlier round that is still running) within the deadline;
    /// `timedOut` is the state when it does not answer in time.
    private func check(_ name: String, timedOut: String, _ probe: @escaping @Sendable () async -> String) async -> String {
        let task = running[name] ?? Task { await probe() }
        running[name] = task
        do {
            let state = try await withDeadline(seconds: Self.checkDeadlineSeconds) { await task.value }
            running[name] = nil
            return state
        } catch {
            return timedOut
        }
    }

    private func databaseAnswer() async -> String {
        do {
            _ = try await database.ping()
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
