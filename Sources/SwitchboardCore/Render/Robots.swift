import Foundation

/// The portal names every client, account ID and role: it is for employees, not for search
/// engines. Every page asks not to be indexed (`layout.mustache`'s robots meta tag), and
/// `robots.txt` disallows everything for crawlers that read it first.
enum Robots {
    static let file = OutputFile(path: "robots.txt", contents: Data("User-agent: *\nDisallow: /\n".utf8))
}
