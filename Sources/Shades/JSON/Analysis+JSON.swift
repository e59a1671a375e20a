extension Analysis {
    /// Writes the members `"findings": [...], "stats": {...}` of the filter's JSON record
    /// (the HTTP service and batch analysis use the same schema).
    package func writeJSONMembers(to writer: inout JSONWriter) {
        writer.key("findings")
        writer.array(findings) { writer, finding in finding.writeJSON(to: &writer) }
        writer.raw(",")
        writer.key("stats")
        statistics.writeJSON(to: &writer)
    }
}

extension Finding {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("category")
        writer.string(category.rawValue)
        writer.raw(",")
        writer.key("rule")
        writer.string(rule)
        writer.raw(",")
        writer.key("match")
        writer.string(match)
        writer.raw(",")
        writer.key("start")
        writer.number(unicodeScalarRange.lowerBound)
        writer.raw(",")
        writer.key("end")
        writer.number(unicodeScalarRange.upperBound)
        writer.raw(",")
        writer.key("byteStart")
        writer.number(utf8Range.lowerBound)
        writer.raw(",")
        writer.key("byteEnd")
        writer.number(utf8Range.upperBound)
        writer.raw(",")
        writer.key("sentence")
        writer.number(sentence)
        writer.raw(",")
        writer.key("severity")
        writer.number(severity)
        writer.raw(",")
        writer.key("message")
        writer.string(message)
        writer.raw(",")
        writer.key("suggestions")
        writer.array(suggestions) { writer, suggestion in writer.string(suggestion) }
        writer.raw(",")
        writer.key("modifiers")
        writer.array(modifiers) { writer, modifier in writer.string(modifier.rawValue) }
        writer.raw("}")
    }
}

extension Statistics {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("words")
        writer.number(words)
        writer.raw(",")
        writer.key("absolutistWords")
        writer.number(absolutistWords)
        writer.raw(",")
        writer.key("absolutistIndex")
        writer.number((absolutistIndex * 1_000_000).rounded() / 1_000_000)
        writer.raw(",")
        writer.key("severity")
        writer.number(severity)
        writer.raw(",")
        writer.key("categories")
        writer.raw("{")
        for (index, category) in Category.distortions.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(category.rawValue)
            writer.raw(":")
            writer.number(categories[category] ?? 0)
        }
        writer.raw("},")
        writer.key("safety")
        writer.number(safetyFindings)
        writer.raw("}")
    }
}
