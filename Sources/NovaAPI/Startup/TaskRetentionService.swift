import Foundation
import Logging
import NovaCore
import ServiceLifecycle

/// Deletes finished task records older than the retention period (7 days; the contract asks for at least 24 h),
/// every hour (the first time an hour after start, when migrations have long run), until graceful shutdown.
struct TaskRetentionService: Service {
    /// How long finished tasks stay readable.
    static let retention: TimeInterval = 7 * 86_400

    let tasks: any TaskStore
    let clock: any WallClock
    let logger: Logger
    var interval: Duration = .seconds(3_600)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await purge()
            }
        }
    }

    /// Purges once; a failure is logged and retried at the next round.
    func purge() async {
        do {
            let purged = try await tasks.purgeFinished(updatedBefore: clock.now().addingTimeInterval(-Self.retention))
            if purged > 0 { logger.info("purged finished tasks", metadata: ["count": .stringConvertible(purged)]) }
        } catch {
            logger.warning("task purge failed", metadata: ["error.type": "\(type(of: error))"])
        }
    }
}
