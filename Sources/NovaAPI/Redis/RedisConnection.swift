import CHiredis
import Foundation
import NIOPosix
import ServiceKit

/// One reply of a Redis command.
enum RedisReply: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case array([RedisReply])
    case null
    case status(String)
}

/// A Redis command that failed: the server's error text, or a connection failure.
struct RedisError: Error, CustomStringConvertible {
    let description: String
}

/// A blocking hiredis connection whose calls run on a `NIOThreadPool`, one command at a time. A command that finds
/// the connection broken (Redis restarted, a network cut) fails, and the connection reconnects for the next one;
/// a failed command is never sent twice, since it may have reached Redis before the connection broke.
final class RedisConnection: @unchecked Sendable {
    private let context: UnsafeMutablePointer<redisContext>
    private let lock = NSLock()
    private let pool: NIOThreadPool
    private let url: RedisURL
    private let timeout: timeval

    /// Connects to `url` (with `AUTH` and `SELECT` when the URL asks for them) within `timeoutSeconds`.
    init(url: RedisURL, timeoutSeconds: Int = 5, pool: NIOThreadPool = .singleton) throws {
        let timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        guard let context = redisConnectWithTimeout(url.host, Int32(url.port), timeout) else {
            throw RedisError(description: "cannot allocate a Redis connection")
        }
        if context.pointee.err != 0 {
            let message = Self.errorText(context)
            redisFree(context)
            throw RedisError(description: "cannot connect to Redis at \(url) (REDIS_URL): \(message)")
        }
        redisSetTimeout(context, timeout)
        self.context = context
        self.pool = pool
        self.url = url
        self.timeout = timeout
        lock.lock()
        defer { lock.unlock() }
        try greet()
    }

    deinit {
        redisFree(context)
    }

    /// Runs one command (its arguments as separate strings) off the event loops.
    func command(_ arguments: [String]) async throws -> RedisReply {
        try await pool.runIfActive { try self.commandNow(arguments) }
    }

    private func commandNow(_ arguments: [String]) throws -> RedisReply {
        lock.lock()
        defer { lock.unlock() }
        if context.pointee.err != 0 {
            guard redisReconnect(context) == REDIS_OK else {
                throw RedisError(description: "Redis connection failed: \(Self.errorText(context))")
            }
            redisSetTimeout(context, timeout)
            try greet()
        }
        return try send(arguments)
    }

    /// `AUTH` and `SELECT` when the URL asks for them; the lock is held.
    private func greet() throws {
        if let password = url.password {
            _ = try send(["AUTH", password])
        }
        if url.database != 0 {
            _ = try send(["SELECT", String(url.database)])
        }
    }

    /// Sends one command and reads its reply; the lock is held.
    private func send(_ arguments: [String]) throws -> RedisReply {
        let cStrings = arguments.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = cStrings.map { UnsafePointer($0) }
        var lengths = arguments.map { $0.utf8.count }
        guard let raw = redisCommandArgv(context, Int32(arguments.count), &pointers, &lengths) else {
            throw RedisError(description: "Redis connection failed: \(Self.errorText(context))")
        }
        let reply = raw.assumingMemoryBound(to: redisReply.self)
        defer { freeReplyObject(raw) }
        return try Self.convert(reply.pointee)
    }

    private static func convert(_ reply: redisReply) throws -> RedisReply {
        switch reply.type {
        case REDIS_REPLY_STRING:
            return .string(String(decoding: UnsafeRawBufferPointer(start: reply.str, count: reply.len), as: UTF8.self))
        case REDIS_REPLY_STATUS:
            return .status(String(cString: reply.str))
        case REDIS_REPLY_ERROR:
            throw RedisError(description: String(cString: reply.str))
        case REDIS_REPLY_INTEGER:
            return .integer(Int(reply.integer))
        case REDIS_REPLY_NIL:
            return .null
        case REDIS_REPLY_ARRAY:
            return .array(try (0..<reply.elements).map { try convert(reply.element[$0]!.pointee) })
        default:
            return .null
        }
    }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
