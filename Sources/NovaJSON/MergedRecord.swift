/// Two records encoded as one JSON object: the members of `first`, then those of `second`, which win on a key both
/// hold. `ai_metadata` is built this way from what each stage of the code pipeline knows.
package struct MergedRecord<First: Encodable, Second: Encodable>: Encodable {
    /// The record whose members come first.
    package let first: First
    /// The record whose members are added over `first`'s.
    package let second: Second

    /// Merges `first` and `second`.
    package init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    /// Encodes both records into the same object.
    package func encode(to encoder: any Encoder) throws {
        try first.encode(to: encoder)
        try second.encode(to: encoder)
    }
}
