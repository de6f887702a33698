/// Turns a page context (structs, arrays, optionals, strings, numbers) into dictionaries and
/// arrays before rendering. swift-mustache looks keys of a struct up through `Mirror` on every
/// `{{name}}`, which dominated build time; a dictionary lookup is direct. Each struct is reflected
/// once here instead.
func templateValue(_ value: Any) -> Any? {
    if let optional = value as? AnyOptional {
        guard let wrapped = optional.wrappedValue else { return nil }
        return templateValue(wrapped)
    }
    switch value {
    case is String, is Int, is Bool, is Double:
        return value
    case let array as [Any]:
        return array.compactMap(templateValue)
    default:
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct else { return value }
        var dictionary: [String: Any] = [:]
        dictionary.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            if let label = child.label, let converted = templateValue(child.value) {
                dictionary[label] = converted
            }
        }
        return dictionary
    }
}

private protocol AnyOptional {
    var wrappedValue: Any? { get }
}

extension Optional: AnyOptional {
    fileprivate var wrappedValue: Any? { map { $0 } }
}
