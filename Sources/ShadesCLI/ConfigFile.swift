import Foundation

/// Settings read from `.shades.toml`: the nearest one in the current directory or its parents,
/// else `$XDG_CONFIG_HOME/shades/config.toml` (`~/.config/shades/config.toml`). It is a small
/// TOML subset, one `key = value` a line:
///
/// ```toml
/// lexicons = ["nursing.shades"]      # paths relative to this file
/// disable = ["should.have-to"]
/// allow = ["always on call"]         # phrases never flagged (pattern syntax)
/// min-severity = 0.3
/// safety = true
/// ```
struct ConfigFile: Equatable {
    var path: String
    var lexicons: [String] = []
    var disable: [String] = []
    var allow: [String] = []
    var minimumSeverity: Double?
    var safety: Bool?

    struct Failure: Error, CustomStringConvertible {
        let path: String
        let line: Int
        let message: String
        var description: String { "\(path):\(line): \(message)" }
    }

    /// The config file that applies in `directory`, if any.
    static func locate(from directory: String, environment: [String: String]) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(".shades.toml").path
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.config" }
        guard let configHome else { return nil }
        let user = configHome + "/shades/config.toml"
        return FileManager.default.isReadableFile(atPath: user) ? user : nil
    }

    static func load(_ path: String) throws(Failure) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Failure(path: path, line: 0, message: "cannot be read as UTF-8 text")
        }
        var config = ConfigFile(path: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // `isNewline` splits "\r\n" (one Character) as well as "\n": files saved on Windows work.
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = index + 1
            let content = rawLine.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw Failure(path: path, line: line, message: "expected 'key = value'")
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            let value = try TOMLValue.parse(String(content[content.index(after: equals)...]), path: path, line: line)
            switch (key, value) {
            case ("lexicons", .strings(let paths)):
                config.lexicons = paths.map { $0.hasPrefix("/") ? $0 : folder.appendingPathComponent($0).path }
            case ("disable", .strings(let rules)): config.disable = rules
            case ("allow", .strings(let phrases)): config.allow = phrases
            case ("min-severity", .number(let number)) where (0...1).contains(number): config.minimumSeverity = number
            case ("safety", .boolean(let flag)): config.safety = flag
            case ("lexicons", _), ("disable", _), ("allow", _):
                throw Failure(path: path, line: line, message: "'\(key)' takes a list of strings, like [\"a\", \"b\"]")
            case ("min-severity", _):
                throw Failure(path: path, line: line, message: "'min-severity' takes a number from 0 to 1")
            case ("safety", _):
                throw Failure(path: path, line: line, message: "'safety' takes true or false")
            default:
                throw Failure(path: path, line: line, message: "unknown setting '\(key)' (expected one of: lexicons, disable, allow, min-severity, safety)")
            }
        }
        return config
    }
}

/// The values a config line may hold.
private enum TOMLValue {
    case strings([String])
    case number(Double)
    case boolean(Bool)

    static func parse(_ raw: String, path: String, line: Int) throws(ConfigFile.Failure) -> TOMLValue {
        var text = Substring(raw.trimmingCharacters(in: .whitespaces))
        var insideString = false
        for index in text.indices {
            if text[index] == "\"" { insideString.toggle() }
            if text[index] == "#" && !insideString {
                text = Substring(text[..<index].trimmingCharacters(in: .whitespaces))
                break
            }
        }
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let number = Double(text) { return .number(number) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            return .strings([String(text.dropFirst().dropLast())])
        }
        guard text.hasPrefix("["), text.hasSuffix("]") else {
            throw ConfigFile.Failure(path: path, line: line, message: "cannot read the value '\(text)' (strings are in double quotes, lists in [ ])")
        }
        var strings: [String] = []
        var rest = text.dropFirst().dropLast()[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "," || $0 == "\t" }
            if rest.isEmpty { break }
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else {
                throw ConfigFile.Failure(path: path, line: line, message: "a list holds strings in double quotes, separated by commas")
            }
            strings.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return .strings(strings)
    }
}
