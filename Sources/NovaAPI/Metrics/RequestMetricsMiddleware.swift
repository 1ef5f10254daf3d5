import Hummingbird
import Metrics

/// Counts requests and records their durations by method, route and status (`nova_http_requests_total`,
/// `nova_http_request_duration_seconds`) through swift-metrics.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let factory: any MetricsFactory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let dimensions = [
            ("method", request.method.rawValue), ("route", context.endpointPath ?? "unmatched"), ("status", String(response.status.code)),
        ]
        Counter(label: "nova_http_requests_total", dimensions: dimensions, factory: factory).increment()
        let elapsed = ContinuousClock.now - started
        CoreMetrics.Timer(label: "nova_http_request_duration_seconds", dimensions: dimensions, factory: factory).recordNanoseconds(
            elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        return response
    }
}
