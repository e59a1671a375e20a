package import Shades

/// One JSON object per record, records without findings included: the input's id and other
/// members unchanged, then `text`, `findings` and `stats`.
package struct JSONLFormatter: RecordFormatter {
    package func format(_ input: RecordInput, _ analysis: Analysis) -> [UInt8] {
        var writer = JSONWriter()
        analysis.writeJSONRecord(
            to: &writer, id: { writeID(input.id, number: input.number, to: &$0) },
            text: String(decoding: input.text, as: UTF8.self)
        ) { writer in
            for member in input.members {
                writer.raw(",")
                writer.string(member.key)
                writer.raw(":")
                writer.raw(jsonValue: input.line[member.rawValue])
            }
        }
        writer.raw("\n")
        return writer.bytes
    }

    package func formatError(_ error: RecordError) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{")
        writer.key("id")
        writeID(error.id, number: error.number, to: &writer)
        writer.member("error") { $0.string(error.message) }
        writer.member("findings") { $0.raw("[]") }
        writer.raw("}\n")
        return writer.bytes
    }

    private func writeID(_ id: [UInt8]?, number: Int, to writer: inout JSONWriter) {
        if let id {
            writer.raw(jsonValue: id)
        } else {
            writer.number(number)
        }
    }
}
