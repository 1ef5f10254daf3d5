import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `GET /health/queue`: which queue this process uses, its workers, how many tasks wait for a worker and how
/// many executions run — the figures the dashboard's Health page shows beside `/health/components`.
struct QueueStatusController<Context: RequestContext>: Sendable {
    let tasks: any TaskStore
    let executions: any ExecutionStore
    let usesRedis: Bool
    let workers: Int

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/health/queue") { _, _ in try await status() }
        return routes
    }

    private func status() async throws -> Response {
        let unfinished = try await tasks.unfinished()
        let waiting = unfinished.filter { $0.state == .pending }.count
        let running = try await executions.list(ExecutionFilter(status: ExecutionStatus.running.rawValue), skip: 0, limit: 0).total
        return try JSONResponse.make(
            QueueStatusBody(
                queue: usesRedis ? "redis" : "in_process", workers: workers, queueDepth: waiting, tasksInProgress: unfinished.count - waiting,
                runningExecutions: running))
    }
}
