extension JSONValue {
    /// `record` as the JSON value its `Encodable` conformance writes, so typed records become the free-form values
    /// stored and answered (`ai_metadata`, task results, step payloads). A `Double` stays a float (`21.0`) and an
    /// integer type an integer, as ``jsonText`` writes them; an optional member encoded with `encodeIfPresent` (the
    /// synthesized default) is left out when nil, one wrapped in ``NullEncoded`` is `null`.
    ///
    /// Traps when `record`'s own `encode(to:)` throws: records are plain values whose encoding cannot fail, and a
    /// failure would be a programming error, not an input to handle.
    package init(record: some Encodable) {
        let slot = EncodingSlot()
        do {
            try record.encode(to: ValueEncoder(slot: slot, codingPath: []))
        } catch {
            preconditionFailure("\(type(of: record)) cannot be encoded as JSON: \(error)")
        }
        self = slot.value
    }
}

/// Where one encoded value is built: a single value, the members of an object or the elements of an array.
private final class EncodingSlot {
    private enum Content {
        case nothing
        case single(JSONValue)
        case object([String: EncodingSlot])
        case array([EncodingSlot])
    }

    private var content = Content.nothing

    /// The value built so far; a type that encoded nothing is an empty object, as `JSONEncoder` writes it.
    var value: JSONValue {
        switch content {
        case .nothing: .object([:])
        case .single(let value): value
        case .object(let members): .object(members.mapValues(\.value))
        case .array(let elements): .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) {
        content = .single(value)
    }

    /// A new slot for member `key`; a second keyed container on the same slot adds to the members already there.
    func member(_ key: String) -> EncodingSlot {
        var members: [String: EncodingSlot] = [:]
        if case .object(let existing) = content { members = existing }
        let slot = EncodingSlot()
        members[key] = slot
        content = .object(members)
        return slot
    }

    /// Makes this slot an object, keeping members already encoded into it.
    func becomeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    /// A new slot for the next element.
    func appendElement() -> EncodingSlot {
        var elements: [EncodingSlot] = []
        if case .array(let existing) = content { elements = existing }
        let slot = EncodingSlot()
        elements.append(slot)
        content = .array(elements)
        return slot
    }

    /// Makes this slot an array, keeping elements already encoded into it.
    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }
}

private struct ValueEncoder: Encoder {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.becomeObject()
        return KeyedEncodingContainer(KeyedValueContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.becomeArray()
        return UnkeyedValueContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

/// Encodes `value` into `slot`: JSON values as they are, numbers and strings as themselves, anything else through
/// its own `encode(to:)`.
private func encodeValue(_ value: some Encodable, into slot: EncodingSlot, codingPath: [any CodingKey]) throws {
    switch value {
    case let json as JSONValue: slot.set(json)
    case let text as String: slot.set(.string(text))
    case let flag as Bool: slot.set(.bool(flag))
    case let number as Double: slot.set(.double(number))
    case let number as Float: slot.set(.double(Double(number)))
    case let number as Int: slot.set(.int(number))
    default: try value.encode(to: ValueEncoder(slot: slot, codingPath: codingPath))
    }
}

/// An integer of another width as an `Int`, refused when it does not fit.
private func integer(_ value: some BinaryInteger, codingPath: [any CodingKey]) throws -> JSONValue {
    guard let number = Int(exactly: value) else {
        throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) does not fit an Int"))
    }
    return .int(number)
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.member(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot.member(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot.member(key.stringValue).set(.double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { slot.member(key.stringValue).set(.double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.member(key.stringValue).set(.int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try encodeValue(value, into: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let member = slot.member(key.stringValue)
        member.becomeObject()
        return KeyedEncodingContainer(KeyedValueContainer<NestedKey>(slot: member, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let member = slot.member(key.stringValue)
        member.becomeArray()
        return UnkeyedValueContainer(slot: member, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(slot: slot.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    private func encodeInteger(_ value: some BinaryInteger, forKey key: Key) throws {
        slot.member(key.stringValue).set(try integer(value, codingPath: codingPath + [key]))
    }
}

private struct UnkeyedValueContainer: UnkeyedEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    mutating func encodeNil() throws { slot.appendElement().set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: slot.appendElement(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let element = slot.appendElement()
        element.becomeObject()
        return KeyedEncodingContainer(KeyedValueContainer<NestedKey>(slot: element, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let element = slot.appendElement()
        element.becomeArray()
        return UnkeyedValueContainer(slot: element, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(slot: slot.appendElement(), codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.set(.null) }
    mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.set(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.set(.double(value)) }
    mutating func encode(_ value: Float) throws { slot.set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { slot.set(.int(value)) }
    mutating func encode(_ value: Int8) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int16) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int32) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int64) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt8) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt16) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt32) throws { slot.set(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt64) throws { slot.set(try integer(value, codingPath: codingPath)) }

    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: slot, codingPath: codingPath)
    }
}
