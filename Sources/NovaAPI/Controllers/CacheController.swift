import Foundation
import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// Exact code cache administration (contract §3.7): stats, entries, one entry, deletion and cleanup.
struct CacheController<Context: RequestContext>: Sendable {
    let cache: any ExactCodeCacheStore
    let clock: any WallClock

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/cache/stats") { _, _ in try JSONResponse.make(CacheStatsBody(try await cache.stats())) }
        routes.get("/cache/entries") { request, _ in try await entries(request) }
        routes.get("/cache/entries/{cache_key}") { _, context in try await entry(context) }
        routes.delete("/cache/entries/{cache_key}") { _, context in try await delete(context) }
        routes.delete("/cache/cleanup") { request, _ in try await cleanup(request) }
        return routes
    }

    private func entries(_ request: Request) async throws -> Response {
        let limit = min(try request.queryInt("limit", default: 50), 1000)
        let offset = try request.queryInt("offset", default: 0)
        let page = try await cache.entries(limit: limit, offset: offset)
        return try JSONResponse.make(
            CacheEntriesBody(total: page.total, limit: limit, offset: offset, entries: page.items.map { CacheEntryBody($0) }))
    }

    private func entry(_ context: Context) async throws -> Response {
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
