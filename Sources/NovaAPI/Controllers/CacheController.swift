import Foundation
import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// Exact code cache administration (docs/api.md §3.7): stats (plus the code-source counts and their daily history),
/// entries (of one workflow with `workflow_id`), one entry, deletion and cleanup. Reads first purge what the cache
/// policy no longer keeps (`EXACT_CACHE_TTL_SECONDS`,
/// `EXACT_CACHE_MAX_ENTRIES`), so an expired entry is never listed.
struct CacheController<Context: RequestContext>: Sendable {
    let cache: any ExactCodeCacheStore
    let codeSources: any CodeSourceStatsStore
    let policy: ExactCachePolicy
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/cache/stats") { _, _ in try await stats() }
        routes.get("/cache/code-sources/daily") { request, _ in try await daily(request) }
        routes.get("/cache/entries") { request, _ in try await entries(request) }
        routes.get("/cache/entries/{cache_key}") { _, context in try await entry(context) }
        routes.delete("/cache/entries/{cache_key}") { _, context in try await delete(context) }
        routes.delete("/cache/cleanup") { request, _ in try await cleanup(request) }
        return routes
    }

    private func stats() async throws -> Response {
        _ = try await cache.prune(policy, now: clock.now())
        var body = CacheStatsBody(try await cache.stats())
        body.codeSources = CodeSourceStatsBody(try await codeSources.totals())
        return try JSONResponse.make(body)
    }

    private func daily(_ request: Request) async throws -> Response {
        let period = try request.queryInt("days", default: 30, in: 1...366)
        let today = Int((clock.now().timeIntervalSince1970 / 86_400).rounded(.down))
        let days = try await codeSources.daily(since: today - period + 1).sorted { $0.key < $1.key }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        return try JSONResponse.make(
            CodeSourceDailyBody(
                period: period,
                days: days.map { day, totals in
                    .init(day: format.string(from: Date(timeIntervalSince1970: Double(day) * 86_400)), stats: CodeSourceStatsBody(totals))
                }))
    }

    private func entries(_ request: Request) async throws -> Response {
        _ = try await cache.prune(policy, now: clock.now())
        let limit = min(try request.queryInt("limit", default: 50), 1000)
        let offset = try request.queryInt("offset", default: 0)
        let workflowID = try request.queryInt("workflow_id", default: 0)
        let page = try await cache.entries(workflowID: workflowID == 0 ? nil : workflowID, limit: limit, offset: offset)
        return try JSONResponse.make(
            CacheEntriesBody(total: page.total, limit: limit, offset: offset, entries: page.items.map { CacheEntryBody($0) }))
    }

    private func entry(_ context: Context) async throws -> Response {
        _ = try await cache.prune(policy, now: clock.now())
        guard let entry = try await cache.entry(cacheKey: context.parameters.get("cache_key") ?? "") else {
            throw ServiceError(.notFound, "Cache entry not found")
        }
        return try JSONResponse.make(CacheEntryBody(entry, detailed: true))
    }

    private func delete(_ context: Context) async throws -> Response {
        _ = try await cache.delete(cacheKey: context.parameters.get("cache_key") ?? "")
        return Response(status: .noContent)
    }

    private func cleanup(_ request: Request) async throws -> Response {
        let days = try request.queryInt("days_old", default: 90, in: 0...36_500)
        let deleted = try await cache.deleteUnused(since: clock.now().addingTimeInterval(-Double(days) * 86_400))
        return try JSONResponse.make(CacheCleanupBody(deletedCount: deleted, daysOld: days))
    }
}
