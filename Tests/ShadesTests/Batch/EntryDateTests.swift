import Testing
@testable import ShadesCLI

@Suite struct EntryDateTests {
    @Test(arguments: [
        ("2024-03-05", "2024-03-05"), ("2024-03-05 21:10", "2024-03-05"), ("2024-03-05T21:10:00Z", "2024-03-05"),
        ("2024-03-05T23:59:59.123+01:00", "2024-03-05"), ("2024/03/05", "2024-03-05"), (" 2024-02-29 ", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
    ])
    func readsTheDaysJournalsWrite(written: String, day: String) throws {
        #expect(try EntryDate.parse(written).description == day)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-03-05T25:00", "2024-03-05T10:61"])
    func refusesImpossibleDates(written: String) {
        #expect(throws: EntryDate.ParseError.self) { try EntryDate.parse(written) }
    }

    @Test(arguments: ["yesterday", "05/03/2024", "2024-3-5", "2024-03-05X", ""])
    func refusesWhatIsNotADate(written: String) {
        let error = #expect(throws: EntryDate.ParseError.self) { try EntryDate.parse(written) }
        #expect(error?.message.contains("YYYY-MM-DD") == true)
    }

    @Test(arguments: [
        ("2024-03-05.txt", "2024-03-05"), ("journal_2024_03_05.md", "2024-03-05"), ("IMG20240305-notes.txt", "2024-03-05"),
        ("week 12 (2024-03-18).md", "2024-03-18"),
    ])
    func findsTheDateInAFileName(name: String, day: String) throws {
        #expect(try EntryDate.inFileName(name)?.description == day)
    }

    @Test(arguments: ["notes.txt", "12345678.txt", "2024.txt", "123456789-2024.txt"])
    func aFileNameWithoutADateHasNone(name: String) throws {
        #expect(try EntryDate.inFileName(name) == nil)
    }

    @Test func anImpossibleDateInAFileNameIsAnError() {
        let error = #expect(throws: EntryDate.ParseError.self) { try EntryDate.inFileName("2023-02-30-notes.txt") }
        #expect(error?.message.contains("2023-02-30") == true)
    }

    @Test(arguments: [
        ("2024-03-05 Tuesday\nText.", "2024-03-05"), ("[2024-03-05 09:30] Title\nText.", "2024-03-05"),
        ("\n# 2024-03-05\n\nText.", "2024-03-05"), ("2024-03-05, Tuesday.", "2024-03-05"),
    ])
    func findsTheDateThatStartsAnEntry(text: String, day: String) {
        #expect(EntryDate.atStart(of: text)?.description == day)
    }

    @Test(arguments: ["Tuesday 2024-03-05.", "2024-03-051 is a number", "20240305 notes", "2024-02-30 was not a day", ""])
    func onlyALeadingRealDateDatesAnEntry(text: String) {
        #expect(EntryDate.atStart(of: text) == nil)
    }

    @Test(arguments: [
        ("2024-01-01", 2024, 1), ("2021-01-03", 2020, 53), ("2024-12-30", 2025, 1), ("2026-11-22", 2026, 47), ("2020-12-31", 2020, 53),
    ])
    func isoWeeksFollowTheStandard(day: String, year: Int, week: Int) throws {
        let date = try EntryDate.parse(day)
        #expect(date.isoWeek.year == year)
        #expect(date.isoWeek.week == week)
    }

    @Test func periodKeysSortInTimeOrder() throws {
        let dates = try ["2023-12-31", "2024-01-01", "2024-02-10", "2024-11-05"].map { try EntryDate.parse($0) }
        for period in TrendPeriod.allCases {
            let keys = dates.map { period.key(for: $0) }
            #expect(keys == keys.sorted())
        }
        #expect(TrendPeriod.week.key(for: dates[2]) == "2024-W06")
        #expect(TrendPeriod.month.key(for: dates[2]) == "2024-02")
        #expect(TrendPeriod.year.key(for: dates[2]) == "2024")
    }
}
