import Foundation
import Testing
@testable import ShadesCLI

@Suite struct CSVParserTests {
    /// Every record, or the error message with its line, in order.
    private func parse(_ text: String) throws -> [String] {
        let path = try ShadesProcess.temporaryFile(text, name: "input.csv")
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let parser = CSVParser(descriptor: descriptor, maxRecordBytes: 1 << 20)
        var results: [String] = []
        while true {
            do {
                guard let record = try parser.next() else { return results }
                results.append("\(record.line):" + record.fields.joined(separator: "|"))
            } catch {
                results.append("\(error.line)! \(error.message)")
                if error.isFinal { return results }
            }
        }
    }

    @Test func readsRFC4180() throws {
        let text = "\u{FEFF}id,text\r\n1,\"a, b\"\r\n2,\"she said \"\"never\"\"\"\r\n3,\"two\r\nlines\"\r\n\r\n4,last"
        #expect(try parse(text) == ["1:id|text", "2:1|a, b", "3:2|she said \"never\"", "4:3|two\r\nlines", "7:4|last"])
    }

    @Test func emptyFieldsAndLFLineEnds() throws {
        #expect(try parse("a,b,c\n,,\n\"\",x,\n") == ["1:a|b|c", "2:||", "3:|x|"])
    }

    @Test func textAfterAClosingQuoteIsAnErrorAndReadingGoesOn() throws {
        #expect(try parse("a,b\n\"x\"y,1\n2,3\n") == ["1:a|b", "2! field 1 has text after its closing quote", "3:2|3"])
    }

    @Test func anUnclosedQuoteEndsTheFileWithAnError() throws {
        #expect(try parse("a,b\n1,\"never closed\n2,3\n") == ["1:a|b", "2! a quoted field is never closed"])
    }
}
