import Foundation
import NovaCore
import NovaJSON
import NovaStorage
import ServiceKit
import Shared

/// Reads the figures of `GET /metrics` from the stores; each block that fails keeps zero values and says why.
struct MetricsCollector: Sendable {
    /// The breaker `/metrics` reports: the sandbox's, as the workers store it.
    static let breakerName = "sandbox"
    /// Its threshold when it never saved a state (docs/api.md §3.9).
    static let breakerThreshold = 5

    let stores: NovaStores
    let database: SQLDatabase
    let clock: any WallClock

    func collect() async -> MetricsBody {
        let now = clock.now()
        async let day = executions(since: now.addingTimeInterval(-86_400))
        async let hour = errorRate(since: now.addingTimeInterval(-3_600))
        async let breaker = breaker(at: now)
        async let workflows = workflows()
        async let database = databaseState()
        async let cache = cache()
        return MetricsBody(
            timestamp: WireDate.naive(now) + "Z", executions: await day, errorRate: await hour, circuitBreaker: await breaker,
            workflows: await workflows, database: await database, cache: await cache)
    }

    private func executions(since time: Date) async -> MetricsBody.ExecutionCounts {
        do {
            let counts = try await stores.executions.statusCounts(createdSince: time)
            let total = counts.values.reduce(0, +)
            let completed = counts[.completed, default: 0]
            return MetricsBody.ExecutionCounts(
                total: total, completed: completed, failed: counts[.failed, default: 0],
                pending: counts[.pending, default: 0] + counts[.running, default: 0], successRate: Self.percent(completed, of: total))
        } catch {
            return MetricsBody.ExecutionCounts(total: 0, completed: 0, failed: 0, pending: 0, successRate: 0, error: "\(error)")
        }
    }

    private func errorRate(since time: Date) async -> MetricsBody.ErrorRate {
        do {
            let counts = try await stores.executions.statusCounts(createdSince: time)
            let total = counts.values.reduce(0, +)
            let failed = counts[.failed, default: 0]
            return MetricsBody.ErrorRate(periodHours: 1, totalExecutions: total, failedExecutions: failed, errorRate: Self.percent(failed, of: total))
        } catch {
            return MetricsBody.ErrorRate(periodHours: 1, totalExecutions: 0, failedExecutions: 0, errorRate: 0, error: "\(error)")
        }
    }

    private func breaker(at now: Date) async -> MetricsBody.BreakerState {
        do {
            let snapshot =
                try await stores.breakers.snapshot(name: Self.breakerName)
                ?? .closed(name: Self.breakerName, failureThreshold: Self.breakerThreshold, at: now)
            return MetricsBody.BreakerState(
                state: snapshot.state.rawValue, failureCount: snapshot.failureCount, failureThreshold: snapshot.failureThreshold,
                isHealthy: snapshot.isHealthy)
        } catch {
            return MetricsBody.BreakerState(
                state: "UNKNOWN", failureCount: 0, failureThreshold: Self.breakerThreshold, isHealthy: false, error: "\(error)")
        }
    }

    private func workflows() async -> MetricsBody.WorkflowCounts {
        do {
            return MetricsBody.WorkflowCounts(
                totalWorkflows: try await stores.workflows.count(), activeWorkflows: try await stores.executions.activeWorkflowCount())
        } catch {
            return MetricsBody.WorkflowCounts(totalWorkflows: 0, activeWorkflows: 0, error: "\(error)")
        }
    }

    private func databaseState() async -> MetricsBody.DatabaseState {
        do {
            let elapsed = try await withDeadline(seconds: 5) { [database] in try await database.ping() }
            return MetricsBody.DatabaseState(connected: true, responseTimeMs: (elapsed.milliseconds * 100).rounded() / 100)
        } catch {
            return MetricsBody.DatabaseState(connected: false, responseTimeMs: nil, error: "\(error)")
        }
    }

    private func cache() async -> MetricsBody.CacheTotals {
        do {
            let stats = try await stores.exactCache.stats()
            return MetricsBody.CacheTotals(
                totalCachedCodes: stats.totalCachedCodes, totalCacheHits: stats.totalCacheHits, totalCostSavedUsd: stats.totalCostSavedUSD,
                codeSources: CodeSourceStatsBody(try await stores.codeSources.totals()))
        } catch {
            return MetricsBody.CacheTotals(totalCachedCodes: 0, totalCacheHits: 0, totalCostSavedUsd: 0, error: "\(error)")
        }
    }

    /// `part / total × 100` rounded to 2 decimals, 0 when total is 0.
    private static func percent(_ part: Int, of total: Int) -> Double {
        total == 0 ? 0 : (Double(part) / Double(total) * 10_000).rounded() / 100
    }
}
