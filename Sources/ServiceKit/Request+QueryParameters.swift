import Hummingbird

extension Request {
    /// The integer query parameter `name`, or `fallback` when absent; a bad or out-of-range value is a 422 naming it.
    package func queryInt(_ name: String, default fallback: Int, in range: ClosedRange<Int> = 0...Int.max) throws -> Int {
        guard let raw = uri.queryParameters[Substring(name)] else { return fallback }
        guard let value = Int(raw) else {
            throw RequestValidationError(
                ValidationIssue(
                    type: "int_parsing", loc: [.string("query"), .string(name)], msg: "Input should be a valid integer", input: .string(String(raw))))
        }
        guard range.contains(value) else {
            throw RequestValidationError(
                ValidationIssue(
                    type: "range", loc: [.string("query"), .string(name)], msg: "Input should be between \(range.lowerBound) and \(range.upperBound)",
                    input: .int(value)))
        }
        return value
    }
}
