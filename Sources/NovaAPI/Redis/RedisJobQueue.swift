import Foundation
import Logging
import NIOPosix
import NovaCore
import ServiceKit
import Synchronization

/// The queue on a Redis stream (`REDIS_URL`, stream `REDIS_QUEUE_KEY`), shared by every `nova serve` and `nova worker`
/// process through one consumer group.
///
/// An entry holds the task id and the job sealed with `NOVA_SECRET_KEY` (never the initial context in the clear).
/// `XREADGROUP … BLOCK` leases new entries on connections of their own (hiredis blocks); the holder heartbeats its entry
/// (`XCLAIM … JUSTID`, which resets its idle time); an entry idle longer than ``abandonedAfter`` belonged to a consumer
/// that died and is taken over with `XAUTOCLAIM`. Acknowledged entries are deleted (`XACK` + `XDEL`).
///
/// Redis may lose the stream (a restart without persistence, `FLUSHALL`, eviction): a command that answers `NOGROUP`
/// recreates the group and marks the loss (``takeGroupLoss()``), so the ``QueueReconciler`` queues the unfinished tasks
/// again from their sealed jobs instead of leaving them `PENDING` for good.
final class RedisJobQueue: ConsumingJobQueue {
    /// The consumer group every process reads through.
    static let group = "nova-workers"
    /// How long one `XREADGROUP` waits for an entry (below the connection's 5 s timeout); also the longest a cancelled
    /// `lease()` takes to notice.
    static let blockMilliseconds = 1000

    /// The stream's key.
    let stream: String
    /// This process's consumer name (unique: host, pid, random).
    let consumer: String
    /// How long an entry may go without a heartbeat before another consumer takes it over.
    let abandonedAfter: Duration
    private let url: RedisURL
    /// Seals the jobs (`NOVA_SECRET_KEY`); opens the sealed jobs of task rows too.
    let cipher: CredentialCipher
    private let logger: Logger
    private let commands: RedisConnection
    private let readerThreads: NIOThreadPool
    private let idleReaders = Mutex<[RedisConnection]>([])
    private let groupLost = Mutex(false)
    private let lastLeaseFailure = Mutex<(at: ContinuousClock.Instant, error: String)?>(nil)

    /// Connects, and creates the stream and its group unless they exist (entries queued before the group existed are
    /// delivered too).
    static func open(
        url: RedisURL, stream: String, consumer: String, abandonedAfter: Duration, cipher: CredentialCipher, readers: Int, logger: Logger
    ) async throws -> RedisJobQueue {
        let queue = try RedisJobQueue(
            url: url, stream: stream, consumer: consumer, abandonedAfter: abandonedAfter, cipher: cipher, readers: readers, logger: logger)
        _ = try await queue.ensureGroup()
        return queue
    }

    /// Creates the stream and its group unless the group exists; returns whether it created the group.
    func ensureGroup() async throws -> Bool {
        do {
            _ = try await commands.command(["XGROUP", "CREATE", stream, Self.group, "0", "MKSTREAM"])
            return true
        } catch let error as RedisError where error.description.hasPrefix("BUSYGROUP") {
            return false
        }
    }

    /// Whether a command found the group gone since the last call (then it was recreated); clears the mark.
    func takeGroupLoss() -> Bool {
        groupLost.withLock { lost in
            defer { lost = false }
            return lost
        }
    }

    /// Why jobs cannot be leased right now, or nil when they can: the group is missing, or the last attempt to lease
    /// (of this process's workers) failed within the last ten seconds. The group is looked up on `probe`, a connection
    /// of the caller's, so that health checks never wait behind (or hold up) the workers' commands.
    func leaseProblem(probingWith probe: RedisConnection) async -> String? {
        if let failure = lastLeaseFailure.withLock({ $0 }), ContinuousClock.now - failure.at < .seconds(10) {
            return "leasing jobs fails: \(failure.error)"
        }
        do {
            let reply = try await probe.command(["XINFO", "GROUPS", stream])
            guard case .array(let groups) = reply,
                groups.contains(where: { if case .array(let fields) = $0 { fields.contains(.string(Self.group)) } else { false } })
            else {
                return "consumer group \(Self.group) of stream \(stream) is missing"
            }
            return nil
        } catch {
            return "consumer group \(Self.group) of stream \(stream) is missing (\(error))"
        }
    }

    /// Runs `command`; when Redis answers `NOGROUP` (the stream or group vanished), recreates the group, marks the
    /// loss and runs it once more.
    private func recreatingGroup<T: Sendable>(_ command: () async throws -> T) async throws -> T {
        do {
            return try await command()
        } catch let error as RedisError where error.description.hasPrefix("NOGROUP") {
            logger.warning(
                "the job stream or its consumer group is gone (Redis restarted empty, flushed or evicted it): recreating it; unfinished tasks are queued again",
                metadata: ["stream": .string(stream)])
            _ = try await ensureGroup()
            groupLost.withLock { $0 = true }
            return try await command()
        }
    }

    private init(
        url: RedisURL, stream: String, consumer: String, abandonedAfter: Duration, cipher: CredentialCipher, readers: Int, logger: Logger
    ) throws {
        self.url = url
        self.stream = stream
        self.consumer = consumer
        self.abandonedAfter = abandonedAfter
        self.cipher = cipher
        self.logger = logger
        commands = try RedisConnection(url: url)
        readerThreads = NIOThreadPool(numberOfThreads: max(1, readers))
        readerThreads.start()
    }

    deinit {
        readerThreads.shutdownGracefully { _ in }
    }

    /// Adds the job (sealed) to the stream.
    func enqueue(_ job: ExecutionJob) async throws {
        try await add(job, delivery: 1)
    }

    /// Takes over an abandoned entry if there is one, else waits for a new one; throws `CancellationError` (within
    /// ``blockMilliseconds``) when the waiting task is cancelled.
    func lease() async throws -> LeasedJob {
        while true {
            try Task.checkCancellation()
            let leased: LeasedJob?
            do {
                if let abandoned = try await recreatingGroup({ try await claimAbandoned() }) {
                    leased = abandoned
                } else {
                    leased = try await recreatingGroup { try await readNew() }
                }
            } catch let error as RedisError {
                lastLeaseFailure.withLock { $0 = (ContinuousClock.now, error.description) }
                throw error
            }
            lastLeaseFailure.withLock { $0 = nil }
            if let leased { return leased }
        }
    }

    /// Acknowledges and deletes the entry. An entry whose group vanished is gone already, which is no error.
    func acknowledge(_ lease: LeasedJob) async throws {
        do {
            _ = try await commands.command(["XACK", stream, Self.group, lease.leaseID])
        } catch let error as RedisError where error.description.hasPrefix("NOGROUP") {}
        _ = try await commands.command(["XDEL", stream, lease.leaseID])
    }

    /// Queues the job again as a new entry counting one more delivery, and acknowledges the old one.
    func redeliver(_ lease: LeasedJob) async throws {
        try await add(lease.job, delivery: lease.delivery + 1)
        try await acknowledge(lease)
    }

    /// Resets the entry's idle time, so no other consumer takes it over. When the group vanished, it is recreated
    /// (the entry itself is gone: the reconciler queues the task again, and the execution's lease keeps the run here).
    func heartbeat(_ lease: LeasedJob) async throws {
        _ = try await recreatingGroup { try await commands.command(["XCLAIM", stream, Self.group, consumer, "0", lease.leaseID, "JUSTID"]) }
    }

    /// The task ids of every entry in the stream, waiting or leased (`XRANGE` in pages).
    func queuedTaskIDs() async throws -> Set<String> {
        var ids = Set<String>()
        var start = "-"
        while true {
            let reply = try await commands.command(["XRANGE", stream, start, "+", "COUNT", "1000"])
            guard case .array(let entries) = reply, !entries.isEmpty else { return ids }
            var last = ""
            for case .array(let parts) in entries where parts.count == 2 {
                guard case .string(let id) = parts[0], case .array(let flat) = parts[1] else { continue }
                last = id
                for index in stride(from: 0, to: flat.count - 1, by: 2) where flat[index] == .string("task_id") {
                    if case .string(let taskID) = flat[index + 1] { ids.insert(taskID) }
                }
            }
            guard entries.count == 1000, !last.isEmpty else { return ids }
            start = "(" + last
        }
    }

    /// Takes the cluster-wide turn to reconcile for `period` (`SET … NX PX`): false while another process holds it.
    func takeReconcileTurn(owner: String, period: Duration) async throws -> Bool {
        let reply = try await commands.command(["SET", stream + ":reconcile", owner, "NX", "PX", String(max(1, Int(period.milliseconds)))])
        return reply == .status("OK")
    }

    private func add(_ job: ExecutionJob, delivery: Int) async throws {
        _ = try await commands.command([
            "XADD", stream, "*", "task_id", job.taskID, "delivery", String(delivery), "job", try job.sealed(with: cipher),
        ])
    }

    /// Takes over the oldest entry idle longer than ``abandonedAfter``, if any (`XAUTOCLAIM`).
    func claimAbandoned() async throws -> LeasedJob? {
        let reply = try await commands.command([
            "XAUTOCLAIM", stream, Self.group, consumer, String(Int(abandonedAfter.milliseconds)), "0-0", "COUNT", "1",
        ])
        guard case .array(let parts) = reply, parts.count >= 2, case .array(let entries) = parts[1], let entry = entries.first else { return nil }
        return try await leased(entry, redelivered: true)
    }

    private func readNew() async throws -> LeasedJob? {
        let reader = try idleReaders.withLock { $0.popLast() } ?? RedisConnection(url: url, pool: readerThreads)
        let reply = try await reader.command([
            "XREADGROUP", "GROUP", Self.group, consumer, "COUNT", "1", "BLOCK", String(Self.blockMilliseconds), "STREAMS", stream, ">",
        ])
        idleReaders.withLock { $0.append(reader) }
        guard case .array(let streams) = reply, case .array(let pair)? = streams.first, pair.count == 2, case .array(let entries) = pair[1],
            let entry = entries.first
        else { return nil }
        return try await leased(entry, redelivered: false)
    }

    /// The lease of a stream entry `[id, [field, value, …]]`; an entry that cannot be opened is dropped (logged), as no
    /// worker could ever run it.
    private func leased(_ entry: RedisReply, redelivered: Bool) async throws -> LeasedJob? {
        guard case .array(let parts) = entry, parts.count == 2, case .string(let id) = parts[0], case .array(let flat) = parts[1] else { return nil }
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: flat.count - 1, by: 2) {
            if case .string(let name) = flat[index], case .string(let value) = flat[index + 1] { fields[name] = value }
        }
        guard let sealed = fields["job"], let job = try? ExecutionJob(sealed: sealed, cipher: cipher) else {
            logger.error("queued job cannot be opened with NOVA_SECRET_KEY; dropped", metadata: ["task_id": .string(fields["task_id"] ?? "")])
            _ = try await commands.command(["XACK", stream, Self.group, id])
            _ = try await commands.command(["XDEL", stream, id])
            return nil
        }
        var delivery = Int(fields["delivery"] ?? "") ?? 1
        if redelivered { delivery += try await deliveries(of: id) - 1 }
        return LeasedJob(leaseID: id, job: job, delivery: delivery)
    }

    /// How many times the group delivered entry `id` (`XPENDING`).
    private func deliveries(of id: String) async throws -> Int {
        let reply = try await commands.command(["XPENDING", stream, Self.group, id, id, "1"])
        guard case .array(let rows) = reply, case .array(let row)? = rows.first, row.count == 4, case .integer(let count) = row[3] else { return 1 }
        return count
    }
}

extension RedisJobQueue {
    /// The queue `config` describes (`REDIS_URL`, `REDIS_QUEUE_KEY`, `WORKER_LEASE_SECONDS`, `NOVA_SECRET_KEY`), with
    /// `consumer` as this process's name. An entry counts as abandoned after a lease plus one heartbeat interval.
    static func open(config: NovaConfig, redis: RedisURL, consumer: String, logger: Logger) async throws -> RedisJobQueue {
        guard let cipher = config.security.cipher else {
            throw StartupError("REDIS_URL is set: jobs queued in Redis are sealed with NOVA_SECRET_KEY, so set it (openssl rand -base64 32)")
        }
        return try await open(
            url: redis, stream: config.redisQueueKey, consumer: consumer, abandonedAfter: .seconds(config.workerLeaseSeconds * 4 / 3),
            cipher: cipher, readers: max(1, config.workerConcurrency), logger: logger)
    }
}
