import Foundation

/// Reads what `aws organizations list-accounts` prints (AWS CLI v1 and v2): `{"Accounts": [...]}`
/// with `Status` (older) or `State` (newer) and `JoinedTimestamp` as a number or an ISO string.
/// Pages may be concatenated in one file or given as several files.
public enum OrganizationsImport {
    public static func accounts(from data: Data, path: String, region: String) throws(InvalidInput) -> ([ImportedAccount], ImportReport) {
        let text = try TextFile.decode(data, path: path)
        var accounts: [ImportedAccount] = []
        var report = ImportReport()
        let documents = try splitJSONDocuments(text, path: path)
        guard !documents.isEmpty else {
            throw InvalidInput([.error(SourceLocation(path: path, line: 1, column: 1), "no JSON found; pass the output of 'aws organizations list-accounts --output json'")])
        }
        for (document, line) in documents {
            guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any],
                  let list = object["Accounts"] as? [[String: Any]]
            else {
                throw InvalidInput([.error(SourceLocation(path: path, line: line, column: 1), "expected a JSON object with an \"Accounts\" list, as 'aws organizations list-accounts' prints")])
            }
            for entry in list {
                guard let id = entry["Id"] as? String, let name = entry["Name"] as? String else {
                    throw InvalidInput([.error(SourceLocation(path: path, line: line, column: 1), "an account without \"Id\" or \"Name\"")])
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

    /// Top-level JSON values of a file, with the line each starts on.
    static func splitJSONDocuments(_ text: String, path: String) throws(InvalidInput) -> [(String, Int)] {
        var documents: [(String, Int)] = []
        var depth = 0, inString = false, escaped = false, line = 1, startLine = 1
        var current = ""
        for character in text {
            if character == "\n" { line += 1 }
            if depth == 0 && !inString {
                if character.isWhitespace { continue }
                guard character == "{" || character == "[" else {
                    throw InvalidInput([.error(SourceLocation(path: path, line: line, column: 1), "unexpected '\(character)' between JSON documents")])
                }
                startLine = line
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
                    documents.append((current, startLine))
                    current = ""
                }
            default: break
            }
        }
        if depth != 0 || inString {
            throw InvalidInput([.error(SourceLocation(path: path, line: startLine, column: 1), "the JSON document starting here is not closed")])
        }
        return documents
    }
}
