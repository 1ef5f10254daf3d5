/// `GET /cache/code-sources/daily`: prompt nodes by code source for each UTC day that had any, oldest first
/// (the dashboard's hit rate over time).
package struct CodeSourceDailyBody: Codable, Sendable, Equatable {
    /// One day's figures.
    package struct Day: Codable, Sendable, Equatable {
        /// `YYYY-MM-DD`, UTC.
        package var day: String
        /// The day's prompt nodes by source, hit rate, generations avoided, tokens and cost.
        package var stats: CodeSourceStatsBody

        /// Creates the day.
        package init(day: String, stats: CodeSourceStatsBody) {
            self.day = day
            self.stats = stats
        }
    }

    /// Days asked for (`days`).
    package var period: Int
    /// Days with prompt nodes, oldest first.
    package var days: [Day]

    /// Creates the body.
    package init(period: Int, days: [Day]) {
        self.period = period
        self.days = days
    }

    enum CodingKeys: String, CodingKey {
        case days
        case period = "period_days"
    }
}
