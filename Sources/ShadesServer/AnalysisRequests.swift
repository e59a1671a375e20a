import Shades

/// A record id as clients send it: a string or an integer, written back as it came.
enum RecordID: Decodable, Sendable {
    case integer(Int)
    case string(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            // Larger integers are not exact in a double, which many JSON readers use.
            guard integer.magnitude <= 9_007_199_254_740_991 else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "an integer id must be within ±(2^53 − 1)"))
            }
            self = .integer(integer)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .integer(let value): writer.number(value)
        case .string(let value): writer.string(value)
        }
    }
}

/// Per-request choices of what to report.
struct AnalysisOptions: Decodable, Sendable {
    var categories: [Category]?
    var minSeverity: Double?
    var disable: [String]?
}

/// `POST /v1/analyze`.
struct AnalyzeRequest: Decodable, Sendable {
    var id: RecordID?
    var text: String
    var options: AnalysisOptions?
}

/// `POST /v1/explain`.
struct ExplainRequest: Decodable, Sendable {
    var text: String
}

/// `POST /v1/analyze/batch`.
struct BatchRequest: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        var id: RecordID?
        var text: String
    }

    var items: [Item]
    var options: AnalysisOptions?
}
