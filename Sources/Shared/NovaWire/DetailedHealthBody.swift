import NovaJSON

/// `GET /health/detailed` (docs/api.md §3.2).
package struct DetailedHealthBody: Codable, Sendable, Equatable {
    /// All components healthy.
    package var healthy: Bool
    /// `database`, `executor`, `error_rate`.
    package var components: [String: Bool]
    /// One sentence per unhealthy component, or null.
    @NullEncoded package var issues: [String]?
    /// The same object as `/metrics`.
    package var metrics: MetricsBody

    /// Derives the verdicts from `metrics`.
    package init(metrics: MetricsBody) {
        let components = [
            "database": metrics.database.connected, "executor": metrics.circuitBreaker.isHealthy, "error_rate": metrics.errorRate.errorRate < 50.0,
        ]
        var issues: [String] = []
        if !metrics.database.connected { issues.append("Database is not connected") }
        if !metrics.circuitBreaker.isHealthy { issues.append("E2B executor circuit breaker is \(metrics.circuitBreaker.state)") }
        if metrics.errorRate.errorRate >= 50.0 { issues.append("Error rate is \(metrics.errorRate.errorRate)% over the last hour (limit 50%)") }
        self.healthy = issues.isEmpty
        self.components = components
        self.issues = issues.isEmpty ? nil : issues
        self.metrics = metrics
    }
}
