extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// A string value.
    package init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    package init(integerLiteral value: Int) { self = .int(value) }
    /// A boolean value.
    package init(booleanLiteral value: Bool) { self = .bool(value) }
}
