/// One page of a listing and the number of rows matching it in total.
package struct Page<Item: Sendable>: Sendable {
    /// The rows of this page, in the listing's order.
    package var items: [Item]
    /// How many rows match the listing, across all pages.
    package var total: Int

    /// Creates a page.
    package init(items: [Item], total: Int) {
        self.items = items
        self.total = total
    }
}

extension Array where Element: Sendable {
    /// The page of this array starting at `skip` with at most `limit` elements, and the array's size as total.
    package func page(skip: Int, limit: Int) -> Page<Element> {
        let start = Swift.min(Swift.max(skip, 0), count)
        let end = Swift.min(start + Swift.max(limit, 0), count)
        return Page(items: Array(self[start..<end]), total: count)
    }
}
