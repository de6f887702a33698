/// A Markdown doc from `content/`, rendered to HTML with its links rewritten.
public struct Document: Sendable {
    public var owner: DocumentOwner
    /// File name without `.md`; `index` is the intro of its folder's page.
    public var stem: String
    /// Path as read, for diagnostics.
    public var sourcePath: String
    /// The page it is rendered into, relative to `public/`.
    public var page: String
    public var title: String
    public var order: Int?
    public var summary: String?
    public var html: String
    public var headings: [DocumentHeading]

    public var isIntro: Bool { stem == "index" }
}

public struct DocumentHeading: Sendable, Encodable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}
