/// Reads the lexicon text format of Lexicons/README.md.
struct LexiconParser {
    let name: String

    private struct Entry {
        let kind: String
        let id: String
        let location: SourceLocation
        var fields: [(name: String, value: String, location: SourceLocation)] = []

        func values(_ field: String) -> [Located<String>] {
            fields.filter { $0.name == field }.map { Located(value: $0.value, location: $0.location) }
        }
    }

    private static let fieldsByKind: [String: Set<String>] = [
        "markers": ["words", "source"],
        "class": ["words", "pattern"],
        "spelling": ["words"],
        "fixed": ["pattern", "no-match"],
        "rule": ["category", "pattern", "except", "except-after", "requires", "message", "suggest", "source", "severity", "negation",
                 "overlap", "match", "no-match"],
    ]
    /// Fields whose values may end with a `# comment`.
    private static let commentableFields: Set<String> = ["words", "pattern", "except", "except-after", "requires"]

    func parse(_ source: String) throws(LexiconError) -> Lexicon {
        var entries: [Entry] = []
        // Lines are found on the UTF-8 bytes: splitting by `Character` costs a grapheme
        // break per character.
        for (index, rawLine) in source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(file: name, line: index + 1)
            let line = rawLine.last == UInt8(ascii: "\r") ? Substring(rawLine.dropLast()) : Substring(rawLine)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.startIndex == line.startIndex {
                entries.append(try header(String(line), at: location))
                continue
            }
            guard !entries.isEmpty else {
                throw LexiconError(location, "an indented field comes before any entry (start one with e.g. 'rule my-rule')")
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw LexiconError(location, "expected 'field: value', found '\(trimmed)'")
            }
            let field = String(trimmed[..<colon])
            var value = trimmed[trimmed.index(after: colon)...]
            let entry = entries[entries.count - 1]
            let allowed = Self.fieldsByKind[entry.kind]!
            guard allowed.contains(field) else {
                throw LexiconError(location, "unknown field '\(field)' for a \(entry.kind) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            if Self.commentableFields.contains(field), let hash = Self.commentStart(in: value) {
                value = value[..<hash]
            }
            let text = value.trimmed
            guard !text.isEmpty else { throw LexiconError(location, "the field '\(field)' is empty") }
            entries[entries.count - 1].fields.append((field, text, location))
        }
        return try build(entries)
    }

    /// Where a ` #` comment starts in `value`, found on its UTF-8 bytes.
    private static func commentStart(in value: Substring) -> Substring.Index? {
        let utf8 = value.utf8
        var previous: UInt8 = 0
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { return utf8.index(before: index) }
            previous = byte
        }
        return nil
    }

    private func header(_ line: String, at location: SourceLocation) throws(LexiconError) -> Entry {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let kind = parts.first.map(String.init), Self.fieldsByKind[kind] != nil else {
            throw LexiconError(location, "expected an entry header such as 'rule my-rule-id' (kinds: \(Self.fieldsByKind.keys.sorted().joined(separator: ", "))), found '\(line)'")
        }
        let id = String(parts[1])
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw LexiconError(location, "'\(id)' is not a valid id (letters, digits, '-', '_' and '.')")
        }
        return Entry(kind: kind, id: id, location: location)
    }

    private func build(_ entries: [Entry]) throws(LexiconError) -> Lexicon {
        var rules: [Rule] = []
        var markers: [Located<String>] = []
        var classes: [WordClass] = []
        var spellings: [Located<(typed: String, standard: [String])>] = []
        var fixed: [FixedExpression] = []
        var seen: [String: SourceLocation] = [:]
        for entry in entries {
            let key = entry.kind + " " + entry.id
            if let earlier = seen[key] {
                throw LexiconError(entry.location, "\(entry.kind) '\(entry.id)' is already defined at line \(earlier.line)")
            }
            seen[key] = entry.location
            switch entry.kind {
            case "markers":
                markers += entry.values("words").flatMap { words in
                    words.value.split(separator: " ").map { Located(value: String($0), location: words.location) }
                }
            case "class":
                classes.append(try wordClass(entry))
            case "spelling":
                spellings += try spellingPairs(entry)
            case "fixed":
                fixed.append(FixedExpression(
                    name: entry.id, patterns: try patterns(entry, "pattern", required: true),
                    examples: examples(entry, "no-match", shouldMatch: false)))
            default:
                rules.append(try rule(entry))
            }
        }
        return Lexicon(name: name, rules: rules, markers: markers, classes: classes, spellings: spellings,
                       fixedExpressions: fixed)
    }

    private func wordClass(_ entry: Entry) throws(LexiconError) -> WordClass {
        var members: [Located<Pattern>] = []
        for words in entry.values("words") {
            for word in words.value.split(separator: " ") {
                members.append(Located(value: try parsePattern(String(word), at: words.location), location: words.location))
            }
        }
        members += try patterns(entry, "pattern", required: false)
        guard !members.isEmpty else {
            throw LexiconError(entry.location, "class '\(entry.id)' has no 'words:' or 'pattern:' line")
        }
        return WordClass(name: entry.id, members: members, location: entry.location)
    }

    private func spellingPairs(_ entry: Entry) throws(LexiconError) -> [Located<(typed: String, standard: [String])>] {
        var pairs: [Located<(typed: String, standard: [String])>] = []
        for words in entry.values("words") {
            for pair in words.value.split(separator: " ") {
                let sides = pair.split(separator: "=", omittingEmptySubsequences: false)
                let standard = sides.count == 2 ? sides[1].split(separator: "+", omittingEmptySubsequences: false) : []
                guard sides.count == 2, !sides[0].isEmpty, !standard.isEmpty, !standard.contains(where: \.isEmpty) else {
                    throw LexiconError(
                        words.location,
                        "a spelling is written typed=standard (like im=i'm), with + between the words of a standard form of several (gonna=going+to), not '\(pair)'")
                }
                pairs.append(Located(value: (String(sides[0]), standard.map(String.init)), location: words.location))
            }
        }
        return pairs
    }

    private func rule(_ entry: Entry) throws(LexiconError) -> Rule {
        func single(_ field: String, required: Bool = true) throws(LexiconError) -> Located<String>? {
            let values = entry.values(field)
            if values.count > 1 {
                throw LexiconError(values[1].location, "rule '\(entry.id)' has more than one '\(field):'")
            }
            if required && values.isEmpty {
                throw LexiconError(entry.location, "rule '\(entry.id)' needs a '\(field):' line")
            }
            return values.first
        }
        let categoryText = try single("category")!
        guard let category = Category(rawValue: categoryText.value) else {
            throw LexiconError(categoryText.location, "unknown category '\(categoryText.value)' (expected one of: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var severity = 0.5
        if let text = try single("severity", required: false) {
            guard let value = Double(text.value), (0...1).contains(value) else {
                throw LexiconError(text.location, "severity is a number from 0 to 1, not '\(text.value)'")
            }
            severity = value
        }
        let negation = try policy(Rule.NegationPolicy.self, try single("negation", required: false), default: .cancel)
        let overlap = try policy(Rule.OverlapPolicy.self, try single("overlap", required: false), default: .resolve)
        let compiledPatterns = try patterns(entry, "pattern", required: true)
        let compiledExceptions = try patterns(entry, "except", required: false)
        let compiledExceptionsAfter = try patterns(entry, "except-after", required: false)
        let compiledRequirements = try patterns(entry, "requires", required: false)
        let suggestions = entry.values("suggest")
        guard (1...3).contains(suggestions.count) else {
            throw LexiconError(entry.location, "rule '\(entry.id)' needs one to three 'suggest:' lines, it has \(suggestions.count)")
        }
        let examples = examples(entry, "match", shouldMatch: true) + examples(entry, "no-match", shouldMatch: false)
        guard examples.contains(where: \.shouldMatch) else {
            throw LexiconError(entry.location, "rule '\(entry.id)' needs at least one 'match:' example")
        }
        return Rule(
            id: entry.id, category: category,
            patterns: entry.values("pattern").map(\.value), exceptions: entry.values("except").map(\.value),
            exceptionsAfter: entry.values("except-after").map(\.value), requirements: entry.values("requires").map(\.value),
            message: try single("message")!.value, suggestions: suggestions.map(\.value),
            source: try single("source")!.value, baseSeverity: severity, negation: negation, overlap: overlap,
            examples: examples, location: entry.location,
            compiledPatterns: compiledPatterns, compiledExceptions: compiledExceptions,
            compiledExceptionsAfter: compiledExceptionsAfter,
            compiledRequirements: compiledRequirements)
    }

    private func policy<Policy: RawRepresentable & CaseIterable>(
        _ type: Policy.Type, _ text: Located<String>?, default value: Policy
    ) throws(LexiconError) -> Policy where Policy.RawValue == String {
        guard let text else { return value }
        guard let policy = Policy(rawValue: text.value) else {
            throw LexiconError(text.location, "'\(text.value)' is not one of: \(Policy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return policy
    }

    private func examples(_ entry: Entry, _ field: String, shouldMatch: Bool) -> [Rule.Example] {
        entry.values(field).map { Rule.Example(text: $0.value, shouldMatch: shouldMatch, location: $0.location) }
    }

    private func patterns(_ entry: Entry, _ field: String, required: Bool) throws(LexiconError) -> [Located<Pattern>] {
        let values = entry.values(field)
        if required && values.isEmpty {
            throw LexiconError(entry.location, "\(entry.kind) '\(entry.id)' needs a '\(field):' line")
        }
        var patterns: [Located<Pattern>] = []
        for value in values {
            patterns.append(Located(value: try parsePattern(value.value, at: value.location), location: value.location))
        }
        return patterns
    }

    private func parsePattern(_ text: String, at location: SourceLocation) throws(LexiconError) -> Pattern {
        do {
            return try PatternParser.parse(text)
        } catch {
            throw LexiconError(location, "in the pattern '\(text)': \(error.message)")
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        // Spaces and tabs are single bytes, so the text is trimmed on its UTF-8 bytes.
        let isText = { (byte: UInt8) in byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: isText), let last = utf8.lastIndex(where: isText) else { return "" }
        return String(self[first..<utf8.index(after: last)])
    }
}
