import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `GET /metrics` (JSON, or Prometheus text with `?format=prometheus` or `Accept: text/plain`) and
/// `GET /health/detailed` (docs/api.md §3.2).
struct MetricsController<Context: RequestContext>: Sendable {
    let collector: MetricsCollector
    let exporter: PrometheusExporter

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/metrics") { request, _ in try await metrics(request) }
        routes.get("/health/detailed") { _, _ in try JSONResponse.make(DetailedHealthBody(metrics: await collector.collect())) }
        return routes
    }

    private func metrics(_ request: Request) async throws -> Response {
        let format = request.uri.queryParameters["format"].map(String.init)
        guard format == nil || format == "json" || format == "prometheus" else {
            throw RequestValidationError(
                ValidationIssue(
                    type: "enum", loc: [.string("query"), .string("format")], msg: "Input should be 'json' or 'prometheus'",
                    input: .string(format ?? "")))
        }
        let metrics = await collector.collect()
        let accept = request.headers[.accept] ?? ""
        let wantsText =
            format == "prometheus" || (format == nil && (accept.contains("text/plain") || accept.contains("openmetrics")) && !accept.contains("json"))
        guard wantsText else { return try JSONResponse.make(metrics) }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: .init(string: exporter.render(metrics))))
    }
}
