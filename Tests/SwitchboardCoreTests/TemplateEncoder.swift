@testable import SwitchboardCore

/// The reference for page contexts' `templateValue`: what their synthesized `Encodable`
/// conformance writes (Switchboard rendered through this until it measured too slow).
extension TemplateValue {
    /// An absent optional is left out of its object, which templates treat as missing.
    init(encoding context: some Encodable) {
        self = TemplateEncoder.value(of: context) ?? .object([:])
    }
}

/// Collects what `encode(to:)` writes. Containers write into shared builders, so nested
/// values land in their parent once the parent asks for the result.
private final class TemplateEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var storage: Storage = .nothing

    private enum Storage {
        /// Nothing encoded yet, or `nil`.
        case nothing
        case single(TemplateValue)
        case object(ObjectBuilder)
        case list(ListBuilder)
    }

    var result: TemplateValue? {
        switch storage {
        case .nothing: nil
        case .single(let value): value
        case .object(let builder): builder.value
        case .list(let builder): builder.value
        }
    }

    static func value(of encodable: some Encodable) -> TemplateValue? {
        switch encodable {
        case let text as String: return .text(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .flag(flag)
        default:
            let encoder = TemplateEncoder()
            try? encodable.encode(to: encoder)
            return encoder.result
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: ObjectBuilder
        if case .object(let existing) = storage { builder = existing } else { builder = ObjectBuilder(); storage = .object(builder) }
        return KeyedEncodingContainer(KeyedContainer<Key>(builder: builder))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let builder: ListBuilder
        if case .list(let existing) = storage { builder = existing } else { builder = ListBuilder(); storage = .list(builder) }
        return UnkeyedContainer(builder: builder)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    fileprivate func store(_ value: TemplateValue?) {
        storage = value.map(Storage.single) ?? .nothing
    }
}

/// A value whose members or items are still being encoded.
private protocol Builder: AnyObject {
    var value: TemplateValue { get }
}

private final class ObjectBuilder: Builder {
    var members = TemplateObject()
    var nested: [(key: String, builder: any Builder)] = []
    var value: TemplateValue {
        var all = members
        for (key, builder) in nested { all[key] = builder.value }
        return .object(all)
    }
}

private final class ListBuilder: Builder {
    var items: [TemplateValue] = []
    var nested: [(index: Int, builder: any Builder)] = []
    var value: TemplateValue {
        var all = items
        for (index, builder) in nested { all[index] = builder.value }
        return .list(all)
    }
}

/// Numbers other than `Int` (contexts have none) read as their description.
private func describing(_ value: some CustomStringConvertible) -> TemplateValue { .text(value.description) }

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: ObjectBuilder
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: TemplateValue?, _ key: Key) { builder.members[key.stringValue] = value }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(describing(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(describing(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(describing(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(describing(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { set(TemplateEncoder.value(of: value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuilder()
        builder.nested.append((key.stringValue, nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(builder: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ListBuilder()
        builder.nested.append((key.stringValue, nested))
        return UnkeyedContainer(builder: nested)
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TemplateEncoder() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let builder: ListBuilder
    var codingPath: [any CodingKey] { [] }
    var count: Int { builder.items.count }

    private func append(_ value: TemplateValue?) { if let value { builder.items.append(value) } }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { append(.flag(value)) }
    mutating func encode(_ value: String) throws { append(.text(value)) }
    mutating func encode(_ value: Int) throws { append(.number(value)) }
    mutating func encode(_ value: Double) throws { append(describing(value)) }
    mutating func encode(_ value: Float) throws { append(describing(value)) }
    mutating func encode(_ value: some Encodable) throws { append(TemplateEncoder.value(of: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuilder()
        builder.nested.append((builder.items.count, nested))
        builder.items.append(.object([:]))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(builder: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ListBuilder()
        builder.nested.append((builder.items.count, nested))
        builder.items.append(.list([]))
        return UnkeyedContainer(builder: nested)
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TemplateEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { encoder.store(.flag(value)) }
    mutating func encode(_ value: String) throws { encoder.store(.text(value)) }
    mutating func encode(_ value: Int) throws { encoder.store(.number(value)) }
    mutating func encode(_ value: Double) throws { encoder.store(describing(value)) }
    mutating func encode(_ value: Float) throws { encoder.store(describing(value)) }
    mutating func encode(_ value: some Encodable) throws { encoder.store(TemplateEncoder.value(of: value)) }
}
