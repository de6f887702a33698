import Foundation

/// Reads what `aws organizations list-accounts` prints (AWS CLI v1 and v2): `{"Accounts": [...]}`
/// with `Status` (older) or `State` (newer) and `JoinedTimestamp` as a number or an ISO string.
/// Pages may be concatenated in one file or given as several files.
public enum OrganizationsImport {
    /// - Parameter region: the region the user asked for (`--region`); list-accounts has none.
    public static func accounts(from data: Data, path: String, region: String?) throws(InvalidInput) -> ([ImportedAccount], ImportReport) {
        let text = try TextFile.decode(data, path: path)
        var accounts: [ImportedAccount] = []
        var report = ImportReport()
        let documents = try splitJSONDocuments(text, path: path)
        guard !documents.isEmpty else {
            throw InvalidInput([.error(SourceLocation(path: path, line: 1, column: 1), "no JSON found; pass the output of 'aws organizations list-accounts --output json'")])
        }
        for document in documents {
            guard let object = try? JSONSerialization.jsonObject(with: Data(document.text.utf8)) as? [String: Any],
                  let list = object["Accounts"] as? [[String: Any]]
            else {
                throw InvalidInput([.error(document.start, "expected a JSON object with an \"Accounts\" list, as 'aws organizations list-accounts' prints")])
            }
            for (index, entry) in list.enumerated() {
                let id = try accountID(entry["Id"], number: index + 1, in: document)
                guard let name = entry["Name"] as? String else {
                    throw InvalidInput([.error(document.location(ofValueOf: "Id", where: { $0 == "\"\(id)\"" }),
                                               "account \(id) has no \"Name\" string; list-accounts prints one for every account")])
                }
                let state = (entry["State"] as? String) ?? (entry["Status"] as? String) ?? "ACTIVE"
                guard state == "ACTIVE" else {
                    report.skipped.append("\(id) \(name): \(state)")
                    continue
                }
                if accounts.contains(where: { $0.id == id }) { continue } // the same page given twice
                let guessed = ImportedAccount.environment(fromName: name)
                accounts.append(ImportedAccount(id: id, name: name, alias: nil, environment: guessed ?? "production",
                                                environmentGuessed: true, region: region, accessLevels: nil))
            }
        }
        return (accounts, report)
    }

    /// The `Id` of the `number`th account: a string of 12 digits. A number (a hand-made file or
    /// another tool's output) and a malformed ID are errors at the value itself.
    private static func accountID(_ value: Any?, number: Int, in document: JSONDocument) throws(InvalidInput) -> String {
        switch value {
        case let id as String:
            if let problem = NamingRules.accountID(id) {
                throw InvalidInput([.error(document.location(ofValueOf: "Id", where: { $0 == "\"\(id)\"" }), problem)])
            }
            return id
        case let number as NSNumber:
            throw InvalidInput([.error(document.location(ofValueOf: "Id", where: { !$0.hasPrefix("\"") }),
                                       "\"Id\" is the number \(number); an account ID is a string of 12 digits, as the AWS CLI prints it: \"Id\": \"\(String(repeating: "0", count: max(0, 12 - number.stringValue.count)) + number.stringValue)\" (check the leading zeros)")])
        default:
            throw InvalidInput([.error(document.start, "account \(number) of the \"Accounts\" list has no \"Id\"; pass the output of 'aws organizations list-accounts --output json'")])
        }
    }

    /// One top-level JSON value of a file and where it starts.
    struct JSONDocument {
        var text: String
        var start: SourceLocation

        /// Where the first value of `"key"` that `matches` (its raw JSON token, quotes included)
        /// starts; the document's start when there is none.
        func location(ofValueOf key: String, where matches: (Substring) -> Bool) -> SourceLocation {
            var searchFrom = text.startIndex
            while let keyRange = text.range(of: "\"\(key)\"", range: searchFrom..<text.endIndex) {
                searchFrom = keyRange.upperBound
                var index = keyRange.upperBound
                while index < text.endIndex, text[index].isWhitespace || text[index] == ":" { index = text.index(after: index) }
                var end = index
                if end < text.endIndex, text[end] == "\"" {
                    end = text.index(after: end)
                    while end < text.endIndex, text[end] != "\"" { end = text.index(after: end) }
                    if end < text.endIndex { end = text.index(after: end) }
                } else {
                    while end < text.endIndex, !",}] \n\t".contains(text[end]) { end = text.index(after: end) }
                }
                guard matches(text[index..<end]) else { continue }
                let before = text[..<index]
                let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
                let column = lines.count == 1 ? start.column + before.count : (lines.last?.count ?? 0) + 1
                return SourceLocation(path: start.path, line: start.line + lines.count - 1, column: column)
            }
            return start
        }
    }

    /// Top-level JSON values of a file, each with where it starts.
    static func splitJSONDocuments(_ text: String, path: String) throws(InvalidInput) -> [JSONDocument] {
        var documents: [JSONDocument] = []
        var depth = 0, inString = false, escaped = false, line = 1, column = 0
        var start = SourceLocation(path: path, line: 1, column: 1)
        var current = ""
        for character in text {
            if character == "\n" { line += 1; column = 0 } else { column += 1 }
            if depth == 0 && !inString {
                if character.isWhitespace { continue }
                guard character == "{" || character == "[" else {
                    throw InvalidInput([.error(SourceLocation(path: path, line: line, column: column), "unexpected '\(character)' between JSON documents")])
                }
                start = SourceLocation(path: path, line: line, column: column)
            }
            current.append(character)
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 {
                    documents.append(JSONDocument(text: current, start: start))
                    current = ""
                }
            default: break
            }
        }
        if depth != 0 || inString {
            throw InvalidInput([.error(start, "the JSON document starting here is not closed")])
        }
        return documents
    }
}
