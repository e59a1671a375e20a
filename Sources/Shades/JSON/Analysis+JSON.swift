extension Analysis {
    /// Writes the filter's JSON record `{"id": …, <extra members>, "text": …, "findings": […],
    /// "stats": {…}}`; the HTTP service writes the same schema.
    /// - Parameters:
    ///   - id: writes the id's value.
    ///   - extraMembers: writes further members, each starting with a comma.
    package func writeJSONRecord(
        to writer: inout JSONWriter, id: (inout JSONWriter) -> Void, text: String,
        extraMembers: (inout JSONWriter) -> Void = { _ in }
    ) {
        writer.raw("{")
        writer.key("id")
        id(&writer)
        extraMembers(&writer)
        writer.member("text") { $0.string(text) }
        writeFindingsAndStats(to: &writer)
        writer.raw("}")
    }

    /// Writes the members `,"findings": […], "stats": {…}` of a record.
    package func writeFindingsAndStats(to writer: inout JSONWriter) {
        writer.member("findings") { $0.array(findings) { writer, finding in finding.writeJSON(to: &writer) } }
        writer.member("stats") { statistics.writeJSON(to: &$0) }
    }
}

extension Finding {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("category")
        writer.string(category.rawValue)
        writer.member("rule") { $0.string(rule) }
        writer.member("match") { $0.string(match) }
        writer.member("start") { $0.number(unicodeScalarRange.lowerBound) }
        writer.member("end") { $0.number(unicodeScalarRange.upperBound) }
        writer.member("byteStart") { $0.number(utf8Range.lowerBound) }
        writer.member("byteEnd") { $0.number(utf8Range.upperBound) }
        writer.member("sentence") { $0.number(sentence) }
        writer.member("severity") { $0.number(severity) }
        writer.member("message") { $0.string(message) }
        writer.member("suggestions") { $0.array(suggestions) { writer, suggestion in writer.string(suggestion) } }
        writer.member("modifiers") { $0.array(modifiers) { writer, modifier in writer.string(modifier.rawValue) } }
        writer.raw("}")
    }
}

extension Statistics {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("words")
        writer.number(words)
        writer.member("absolutistWords") { $0.number(absolutistWords) }
        writer.member("absolutistIndex") { $0.number((absolutistIndex * 1_000_000).rounded() / 1_000_000) }
        writer.member("severity") { $0.number(severity) }
        writer.raw(",")
        writer.key("categories")
        writer.raw("{")
        for (index, category) in Category.distortions.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(category.rawValue)
            writer.raw(":")
            writer.number(categories[category] ?? 0)
        }
        writer.raw("}")
        writer.member("safety") { $0.number(safetyFindings) }
        writer.raw("}")
    }
}
