extension Explanation {
    /// Writes `shades explain --json`: `{"text": …, "findings": […], "stats": {…}, "setAside": […]}`,
    /// the findings and stats as in the filter's records.
    package func writeJSON(to writer: inout JSONWriter, text: String) {
        writer.raw("{")
        writer.key("text")
        writer.string(text)
        analysis.writeFindingsAndStats(to: &writer)
        writer.member("setAside") { $0.array(setAside) { writer, match in match.writeJSON(to: &writer) } }
        writer.raw("}")
    }
}

extension SetAsideMatch {
    /// `{"category", "rule", "pattern", "match", "byteStart", "byteEnd", "sentence", "reason": {"kind", …},
    /// "explanation"}`.
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("category")
        writer.string(category.rawValue)
        writer.member("rule") { $0.string(rule) }
        writer.member("pattern") { $0.string(pattern) }
        writer.member("match") { $0.string(match) }
        writer.member("byteStart") { $0.number(utf8Range.lowerBound) }
        writer.member("byteEnd") { $0.number(utf8Range.upperBound) }
        writer.member("sentence") { $0.number(sentence) }
        writer.member("reason") { reason.writeJSON(to: &$0) }
        writer.member("explanation") { $0.string(reason.explanation) }
        writer.raw("}")
    }
}

extension SetAsideMatch.Reason {
    /// The reason's name in JSON.
    fileprivate var kind: String {
        switch self {
        case .exception: "exception"
        case .exceptionAfter: "exceptionAfter"
        case .disputed: "disputed"
        case .missingRequirement: "missingRequirement"
        case .allowedPhrase: "allowedPhrase"
        case .fixedExpression: "fixedExpression"
        case .negated: "negated"
        case .overlapped: "overlapped"
        case .belowMinimumSeverity: "belowMinimumSeverity"
        }
    }

    /// `{"kind": …}` with the reason's values: `pattern`, `words`, `patterns`, `rule`, `severity`, `minimum`.
    fileprivate func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("kind")
        writer.string(kind)
        switch self {
        case .exception(let pattern, let words), .exceptionAfter(let pattern, let words):
            writer.member("pattern") { $0.string(pattern) }
            writer.member("words") { $0.string(words) }
        case .disputed(let words), .allowedPhrase(let words), .fixedExpression(let words):
            writer.member("words") { $0.string(words) }
        case .missingRequirement(let patterns):
            writer.member("patterns") { $0.array(patterns) { writer, pattern in writer.string(pattern) } }
        case .negated:
            break
        case .overlapped(let rule):
            writer.member("rule") { $0.string(rule) }
        case .belowMinimumSeverity(let severity, let minimum):
            writer.member("severity") { $0.number(severity) }
            writer.member("minimum") { $0.number(minimum) }
        }
        writer.raw("}")
    }
}
