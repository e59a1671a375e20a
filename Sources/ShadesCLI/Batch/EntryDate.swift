import Foundation

/// The calendar day an entry was written, as the export states it (no time-zone conversion
/// unless the export names the writer's zone, as Day One does).
struct EntryDate: Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    /// A valid date, or nil when the day does not exist (2023-02-30, month 13).
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...EntryDate.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// `YYYY-MM-DD`.
    var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    static func < (a: EntryDate, b: EntryDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days since 1970-01-01 of the Monday that starts this date's week.
    var weekStartSinceEpoch: Int {
        daysSinceEpoch - ((daysSinceEpoch % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
    }

    /// ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds the
    /// year's first Thursday).
    var isoWeek: (year: Int, week: Int) {
        let thursday = weekStartSinceEpoch + 3
        let thursdayYear = EntryDate(daysSinceEpoch: thursday).year
        let firstDay = EntryDate(year: thursdayYear, month: 1, day: 1)!.daysSinceEpoch
        return (thursdayYear, (thursday - firstDay) / 7 + 1)
    }

    private init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}

extension EntryDate {
    /// Why a written date was not accepted.
    struct ParseError: Error {
        let message: String
    }

    /// Reads the date of an ISO 8601 date or date-time as journals write them:
    /// `2024-03-05`, `2024-03-05 21:10`, `2024-03-05T21:10:00Z`, `2024-03-05T21:10:00.000+01:00`,
    /// also with `/` or `.` between the parts. The day is taken as written.
    static func parse(_ text: String) throws(ParseError) -> EntryDate {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")]
        guard bytes.count >= 10, let year = number(0..<4), separators.contains(bytes[4]),
              let month = number(5..<7), bytes[7] == bytes[4], let day = number(8..<10) else {
            throw ParseError(message: "'\(trimmed)' is not a date (expected YYYY-MM-DD, optionally with a time)")
        }
        if bytes.count > 10 {
            let next = bytes[10]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") else {
                throw ParseError(message: "'\(trimmed)' is not a date (expected YYYY-MM-DD, optionally with a time)")
            }
            if let hour = number(11..<13), let minute = number(14..<16) {
                guard hour < 24 || (hour == 24 && minute == 0), minute < 60 else {
                    throw ParseError(message: "'\(trimmed)' has an impossible time")
                }
            } else {
                throw ParseError(message: "'\(trimmed)' is not a date (expected YYYY-MM-DD, optionally with a time)")
            }
        }
        guard let date = EntryDate(year: year, month: month, day: day) else {
            throw ParseError(message: "'\(trimmed)' is an impossible date")
        }
        return date
    }

    /// The first date written in a file name as `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD`,
    /// nil when there is none; a `YYYY-MM-DD` that is not a real day is an error.
    static func inFileName(_ name: String) throws(ParseError) -> EntryDate? {
        let bytes = Array(name.utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        func value(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        var index = 0
        while index < bytes.count {
            let startsRun = isDigit(index) && (index == 0 || !isDigit(index - 1))
            if startsRun, (0..<4).allSatisfy({ isDigit(index + $0) }) {
                let separated = index + 10 <= bytes.count
                    && [UInt8(ascii: "-"), UInt8(ascii: "_")].contains(bytes[index + 4]) && bytes[index + 7] == bytes[index + 4]
                    && isDigit(index + 5) && isDigit(index + 6) && isDigit(index + 8) && isDigit(index + 9)
                    && !isDigit(index + 10)
                let compact = (0..<8).allSatisfy({ isDigit(index + $0) }) && !isDigit(index + 8)
                if separated {
                    guard let date = EntryDate(
                        year: value(index..<index + 4), month: value(index + 5..<index + 7), day: value(index + 8..<index + 10))
                    else {
                        let written = String(decoding: bytes[index..<index + 10], as: UTF8.self)
                        throw ParseError(message: "the file name holds '\(written)', an impossible date")
                    }
                    return date
                }
                // Eight bare digits are a date only when they make one (not every number is).
                if compact, let date = EntryDate(
                    year: value(index..<index + 4), month: value(index + 4..<index + 6), day: value(index + 6..<index + 8)) {
                    return date
                }
            }
            index += 1
        }
        return nil
    }

    /// The date a journal writes at the start of an entry's first line, as plain-text
    /// exports do (`2024-03-05 Tuesday`, `[2024-03-05 09:30] Title`, `# 2024-03-05`); nil when
    /// the first line does not start with a real date (prose may begin with anything).
    static func atStart(of text: String) -> EntryDate? {
        guard let firstLine = text.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let head = firstLine.drop { $0 == "#" || $0 == "[" || $0 == " " || $0 == "\t" }
        let candidate = head.prefix(10)
        guard candidate.count == 10, head.dropFirst(10).first.map({ !$0.isNumber }) ?? true,
              candidate.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == "-" : $0.element.isASCII && $0.element.isNumber })
        else { return nil }
        return try? parse(String(candidate))
    }
}

