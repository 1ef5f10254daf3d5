import Metrics
import Prometheus
import Shared

/// nova's metrics in the Prometheus text format, through swift-metrics: request counters and durations recorded by
/// ``RequestMetricsMiddleware``, and gauges set from the `/metrics` figures at each scrape. One registry per app.
final class PrometheusExporter: Sendable {
    let factory: PrometheusMetricsFactory
    private let registry: PrometheusCollectorRegistry

    init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// The text exposition after setting the gauges from `metrics`.
    func render(_ metrics: MetricsBody) -> String {
        gauge("nova_executions_24h", ["status": "completed"], metrics.executions.completed)
        gauge("nova_executions_24h", ["status": "failed"], metrics.executions.failed)
        gauge("nova_executions_24h", ["status": "pending"], metrics.executions.pending)
        gauge("nova_executions_24h", ["status": "all"], metrics.executions.total)
        gauge("nova_execution_success_rate_percent", [:], metrics.executions.successRate)
        gauge("nova_error_rate_percent", [:], metrics.errorRate.errorRate)
        for state in ["closed", "open", "half_open"] {
            gauge(
                "nova_circuit_breaker_state", ["breaker": MetricsCollector.breakerName, "state": state], metrics.circuitBreaker.state == state ? 1 : 0
            )
        }
        gauge("nova_circuit_breaker_failures", ["breaker": MetricsCollector.breakerName], metrics.circuitBreaker.failureCount)
        gauge("nova_workflows", ["kind": "total"], metrics.workflows.totalWorkflows)
        gauge("nova_workflows", ["kind": "active"], metrics.workflows.activeWorkflows)
        gauge("nova_database_up", [:], metrics.database.connected ? 1 : 0)
        gauge("nova_database_response_time_ms", [:], metrics.database.responseTimeMs ?? 0)
        gauge("nova_exact_cache_entries", [:], metrics.cache.totalCachedCodes)
        gauge("nova_exact_cache_hits", [:], metrics.cache.totalCacheHits)
        gauge("nova_exact_cache_cost_saved_usd", [:], metrics.cache.totalCostSavedUsd)
        if let sources = metrics.cache.codeSources {
            for (source, figures) in sources.bySource { gauge("nova_prompt_nodes", ["source": source], figures.nodes) }
            gauge("nova_code_cache_hit_rate", [:], sources.hitRate)
            gauge("nova_generations_avoided", [:], sources.generationsAvoided)
            gauge("nova_llm_tokens_saved", [:], sources.tokensSaved)
            gauge("nova_llm_cost_saved_usd", [:], sources.costSavedUsd)
        }
        return registry.emitToString()
    }

    private func gauge(_ label: String, _ dimensions: [String: String], _ value: Int) {
        gauge(label, dimensions, Double(value))
    }

    private func gauge(_ label: String, _ dimensions: [String: String], _ value: Double) {
        Gauge(label: label, dimensions: dimensions.sorted { $0.key < $1.key }, factory: factory).record(value)
    }
}
