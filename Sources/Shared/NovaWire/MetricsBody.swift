import NovaJSON

/// `GET /metrics` as JSON (docs/api.md §3.2, plus `cache`). A block that could not be read keeps its keys with zero
/// values and adds `error`.
package struct MetricsBody: Codable, Sendable, Equatable {
    /// ISO-8601 ending in `Z`.
    package var timestamp: String
    /// Executions created in the last 24 h.
    package var executions: ExecutionCounts
    /// Failures among executions of the last hour.
    package var errorRate: ErrorRate
    /// The sandbox breaker, as the workers share it (D13).
    package var circuitBreaker: BreakerState
    /// Workflow counts.
    package var workflows: WorkflowCounts
    /// A `SELECT 1` round trip.
    package var database: DatabaseState
    /// Extension: exact code cache totals.
    package var cache: CacheTotals

    /// Creates the body.
    package init(
        timestamp: String, executions: ExecutionCounts, errorRate: ErrorRate, circuitBreaker: BreakerState, workflows: WorkflowCounts,
        database: DatabaseState, cache: CacheTotals
    ) {
        self.timestamp = timestamp
        self.executions = executions
        self.errorRate = errorRate
        self.circuitBreaker = circuitBreaker
        self.workflows = workflows
        self.database = database
        self.cache = cache
    }

    enum CodingKeys: String, CodingKey {
        case timestamp, executions, workflows, database, cache
        case errorRate = "error_rate"
        case circuitBreaker = "circuit_breaker"
    }

    /// `executions`: `pending` counts pending and running; `success_rate` = completed / total × 100, 2 decimals.
    package struct ExecutionCounts: Codable, Sendable, Equatable {
        /// All executions of the period.
        package var total: Int
        /// Completed ones.
        package var completed: Int
        /// Failed ones.
        package var failed: Int
        /// Pending or running ones.
        package var pending: Int
        /// Percent, 0.0 when total is 0.
        package var successRate: Double
        /// Why the block could not be read.
        package var error: String?

        /// Creates the block.
        package init(total: Int, completed: Int, failed: Int, pending: Int, successRate: Double, error: String? = nil) {
            self.total = total
            self.completed = completed
            self.failed = failed
            self.pending = pending
            self.successRate = successRate
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case total, completed, failed, pending, error
            case successRate = "success_rate"
        }
    }

    /// `error_rate` over the last `period_hours`.
    package struct ErrorRate: Codable, Sendable, Equatable {
        /// Always 1.
        package var periodHours: Int
        /// Executions of the period.
        package var totalExecutions: Int
        /// Failed ones.
        package var failedExecutions: Int
        /// Percent, 2 decimals.
        package var errorRate: Double
        /// Why the block could not be read.
        package var error: String?

        /// Creates the block.
        package init(periodHours: Int, totalExecutions: Int, failedExecutions: Int, errorRate: Double, error: String? = nil) {
            self.periodHours = periodHours
            self.totalExecutions = totalExecutions
            self.failedExecutions = failedExecutions
            self.errorRate = errorRate
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case error
            case periodHours = "period_hours"
            case totalExecutions = "total_executions"
            case failedExecutions = "failed_executions"
            case errorRate = "error_rate"
        }
    }

    /// `circuit_breaker`.
    package struct BreakerState: Codable, Sendable, Equatable {
        /// `closed`, `open`, `half_open`, or `UNKNOWN` when unreadable.
        package var state: String
        /// Consecutive failures.
        package var failureCount: Int
        /// Failures that open it.
        package var failureThreshold: Int
        /// `state == closed`.
        package var isHealthy: Bool
        /// Why the block could not be read.
        package var error: String?

        /// Creates the block.
        package init(state: String, failureCount: Int, failureThreshold: Int, isHealthy: Bool, error: String? = nil) {
            self.state = state
            self.failureCount = failureCount
            self.failureThreshold = failureThreshold
            self.isHealthy = isHealthy
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case state, error
            case failureCount = "failure_count"
            case failureThreshold = "failure_threshold"
            case isHealthy = "is_healthy"
        }
    }

    /// `workflows`.
    package struct WorkflowCounts: Codable, Sendable, Equatable {
        /// Rows of workflows.
        package var totalWorkflows: Int
        /// Distinct workflows over all executions.
        package var activeWorkflows: Int
        /// Why the block could not be read.
        package var error: String?

        /// Creates the block.
        package init(totalWorkflows: Int, activeWorkflows: Int, error: String? = nil) {
            self.totalWorkflows = totalWorkflows
            self.activeWorkflows = activeWorkflows
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case error
            case totalWorkflows = "total_workflows"
            case activeWorkflows = "active_workflows"
        }
    }

    /// `database`.
    package struct DatabaseState: Codable, Sendable, Equatable {
        /// Whether `SELECT 1` answered.
        package var connected: Bool
        /// Its round trip in ms, 2 decimals; null when it failed.
        @NullEncoded package var responseTimeMs: Double?
        /// Why it failed.
        package var error: String?

        /// Creates the block.
        package init(connected: Bool, responseTimeMs: Double?, error: String? = nil) {
            self.connected = connected
            self.responseTimeMs = responseTimeMs
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case connected, error
            case responseTimeMs = "response_time_ms"
        }
    }

    /// Extension: `cache`: exact code cache totals.
    package struct CacheTotals: Codable, Sendable, Equatable {
        /// Entries.
        package var totalCachedCodes: Int
        /// Hits served.
        package var totalCacheHits: Int
        /// Cost of the generations the hits avoided.
        package var totalCostSavedUsd: Double
        /// Extension: prompt nodes by code source, generations avoided, tokens and cost saved.
        package var codeSources: CodeSourceStatsBody?
        /// Why the block could not be read.
        package var error: String?

        /// Creates the block.
        package init(
            totalCachedCodes: Int, totalCacheHits: Int, totalCostSavedUsd: Double, codeSources: CodeSourceStatsBody? = nil, error: String? = nil
        ) {
            self.totalCachedCodes = totalCachedCodes
            self.totalCacheHits = totalCacheHits
            self.totalCostSavedUsd = totalCostSavedUsd
            self.codeSources = codeSources
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case error
            case totalCachedCodes = "total_cached_codes"
            case totalCacheHits = "total_cache_hits"
            case totalCostSavedUsd = "total_cost_saved_usd"
            case codeSources = "code_sources"
        }
    }
}
