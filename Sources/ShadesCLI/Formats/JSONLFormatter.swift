import Shades

/// One JSON object per record, records without findings included: the input's id and other
/// members unchanged, then `text`, `findings` and `stats`.
struct JSONLFormatter: RecordFormatter {
    func write(_ input: RecordInput, _ analysis: Analysis, to output: OutputStream) {
        var writer = JSONWriter()
        writer.raw("{")
        writeID(input.id, number: input.number, to: &writer)
        for member in input.members {
            writer.raw(",")
            writer.string(member.key)
            writer.raw(":")
            writer.raw(bytes: input.line[member.rawValue])
        }
        writer.raw(",")
        writer.key("text")
        writer.string(String(decoding: input.text, as: UTF8.self))
        writer.raw(",")
        analysis.writeJSONMembers(to: &writer)
        writer.raw("}\n")
        output.write(writer.bytes)
    }

    func writeError(_ error: RecordError, to output: OutputStream) {
        var writer = JSONWriter()
        writer.raw("{")
        writeID(error.id, number: error.number, to: &writer)
        writer.raw(",")
        writer.key("error")
        writer.string(error.message)
        writer.raw(",")
        writer.key("findings")
        writer.raw("[]}\n")
        output.write(writer.bytes)
    }

    private func writeID(_ id: [UInt8]?, number: Int, to writer: inout JSONWriter) {
        writer.key("id")
        if let id {
            writer.raw(bytes: id)
        } else {
            writer.number(number)
        }
    }
}
