/// The column names of a statement's result, by lower-case name, shared by all its rows: a row holds only its values.
package final class SQLColumns: Sendable {
    private let positions: [String: Int]

    /// The columns named `names`, in result order; a repeated name is the first column of that name.
    package init(_ names: some Sequence<String>) {
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = position
        }
        self.positions = positions
    }

    /// The position of `column` (lower case), or nil when the result has no such column.
    func position(of column: String) -> Int? {
        positions[column]
    }
}
