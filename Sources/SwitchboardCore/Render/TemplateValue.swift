/// What a template sees: page contexts turned into plain values once per page, so a
/// `{{name}}` is a member lookup. Reflection through `Mirror` cost a large share of a build,
/// and so did going through `Encodable`; contexts list their members themselves.
enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// An object of these members; an absent optional is left out, which templates treat as missing.
    static func members(_ members: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        var object = TemplateObject()
        object.members.reserveCapacity(members.count)
        for case let (key, value?) in members {
            assert(object[key] == nil, "two members named \(key)")
            object.members.append((key, value))
        }
        return .object(object)
    }

    func member(_ name: String) -> TemplateValue? {
        if case .object(let members) = self { members[name] } else { nil }
    }
}

/// Anything a page context holds. Contexts call `templateValue` on each member themselves
/// (taking members as `any TemplateRepresentable` made arrays convert in slow, unspecialized code).
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    var templateValue: TemplateValue { .number(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

/// An object's members in the order they were set. A context has a few dozen members at most,
/// so comparing keys one by one is cheaper than hashing them into a dictionary.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    fileprivate(set) var members: [(key: String, value: TemplateValue)] = []

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// Setting a key again replaces its value; setting nil removes it.
    subscript(key: String) -> TemplateValue? {
        // Comparing lengths first skips most string comparisons, which are calls: most keys looked
        // at are other members, and templates look names up the whole context stack.
        get { members.first { $0.key.utf8.count == key.utf8.count && $0.key == key }?.value }
        set {
            switch (members.firstIndex { $0.key == key }, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }
    var sortedKeys: [String] { members.map(\.key).sorted() }
}

