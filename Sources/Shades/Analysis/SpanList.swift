/// Token spans sorted by start, answering "which spans overlap, start in or end in this
/// range" in time proportional to the answer (spans are short: patterns are bounded).
struct SpanList {
    private let spans: [RawMatch]
    private let longest: Int

    init(_ spans: [RawMatch]) {
        self.spans = spans.sorted { $0.start < $1.start }
        longest = spans.map { $0.end - $0.start }.max() ?? 0
    }

    /// The spans that could touch `range`: those starting in `range.lowerBound - longest ..< range.upperBound`.
    private func candidates(near range: Range<Int>) -> ArraySlice<RawMatch> {
        var low = 0
        var high = spans.count
        let from = range.lowerBound - longest
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start < from { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < spans.count, spans[end].start < max(range.upperBound, range.lowerBound + 1) { end += 1 }
        return spans[low..<end]
    }

    /// Whether a span that satisfies `condition` overlaps `range`.
    func overlaps(_ range: Range<Int>, where condition: (RawMatch) -> Bool = { _ in true }) -> Bool {
        first(overlapping: range, where: condition) != nil
    }

    /// The first span (by start) that overlaps `range` and satisfies `condition`.
    func first(overlapping range: Range<Int>, where condition: (RawMatch) -> Bool = { _ in true }) -> RawMatch? {
        candidates(near: range).first { $0.start < range.upperBound && range.lowerBound < $0.end && condition($0) }
    }

    /// Whether a span starting at or after `window.lowerBound` ends by `window.upperBound` and satisfies `condition`.
    func contains(within window: Range<Int>, where condition: (RawMatch) -> Bool = { _ in true }) -> Bool {
        candidates(near: window).contains { $0.start >= window.lowerBound && $0.end <= window.upperBound && condition($0) }
    }

    /// Whether a span starts inside `range` and satisfies `condition`.
    func contains(startingIn range: Range<Int>, where condition: (RawMatch) -> Bool = { _ in true }) -> Bool {
        candidates(near: range).contains { range.contains($0.start) && condition($0) }
    }

    /// The spans that start inside `range`.
    func count(startingIn range: Range<Int>, where condition: (RawMatch) -> Bool) -> Int {
        candidates(near: range).count { range.contains($0.start) && condition($0) }
    }
}
