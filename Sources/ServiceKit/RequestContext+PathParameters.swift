import Hummingbird

extension RequestContext {
    /// The integer path parameter `name`; a non-integer is a 422 naming it.
    package func pathInt(_ name: String) throws -> Int {
        let raw = parameters.get(name) ?? ""
        guard let value = Int(raw) else {
            throw RequestValidationError(
                ValidationIssue(
                    type: "int_parsing", loc: [.string("path"), .string(name)], msg: "Input should be a valid integer", input: .string(raw)))
        }
        return value
    }
}
