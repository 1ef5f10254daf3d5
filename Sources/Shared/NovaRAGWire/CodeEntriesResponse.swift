/// `GET /code/entries`: a page of a workflow's entries, most recently used first; nova's
/// `GET /cache/semantic/entries` answers it as is.
package struct CodeEntriesResponse: Codable, Sendable, Equatable {
    /// Entries matching the filter.
    package var total: Int
    /// The page size asked for.
    package var limit: Int
    /// Entries skipped.
    package var offset: Int
    /// The page; `metadata` holds the counts, dates and extra members such as `source`.
    package var entries: [CodeMatchBody]

    /// Creates the page.
    package init(total: Int, limit: Int, offset: Int, entries: [CodeMatchBody]) {
        self.total = total
        self.limit = limit
        self.offset = offset
        self.entries = entries
    }
}
