/// One static file of the dashboard. The files live in `ui/` and are compiled into nova by
/// `scripts/generate-dashboard.py` (``DashboardFile/all``), so a nova binary serves its dashboard on its own.
struct DashboardFile: Sendable {
    /// The file name under `/ui/`.
    let name: String
    /// Its `Content-Type`.
    let contentType: String
    /// Its content (UTF-8 text).
    let text: String
}
