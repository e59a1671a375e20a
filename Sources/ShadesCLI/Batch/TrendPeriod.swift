import ArgumentParser

/// The length of the periods a trend is counted over.
enum TrendPeriod: String, ExpressibleByArgument, CaseIterable {
    case week, month, year

    /// The period holding `date`: `2024-W09`, `2024-03` or `2024`; keys sort in time order.
    func key(for date: EntryDate) -> String {
        switch self {
        case .week:
            let (year, week) = date.isoWeek
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            return String(date.description.prefix(7))
        case .year:
            return String(date.description.prefix(4))
        }
    }

    /// The period's place on a time line: consecutive periods have consecutive ordinals, so
    /// a chart can leave room for periods without entries.
    func ordinal(for date: EntryDate) -> Int {
        switch self {
        case .week:
            return (date.weekStartSinceEpoch + 3) / 7
        case .month:
            return date.year * 12 + date.month - 1
        case .year:
            return date.year
        }
    }
}
