/// The `limit` elements of highest severity offered so far, highest first (ties keep the one
/// offered earlier). Memory stays bounded by `limit`.
struct SeverityRanking<Element> {
    let limit: Int
    private(set) var ranked: [(element: Element, severity: Double)] = []

    init(limit: Int) {
        self.limit = limit
    }

    var elements: [Element] { ranked.map(\.element) }

    mutating func offer(_ element: Element, severity: Double) {
        guard limit > 0 else { return }
        if ranked.count == limit, let last = ranked.last, last.severity >= severity { return }
        let index = ranked.firstIndex { $0.severity < severity } ?? ranked.count
        ranked.insert((element, severity), at: index)
        if ranked.count > limit { ranked.removeLast() }
    }
}
