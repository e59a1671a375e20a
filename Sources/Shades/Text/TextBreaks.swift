/// A text's word boundaries (with ICU's rule status) and sentence ends, by either path the
/// tokenizer takes: for the differential tests and the `breaks` fuzz target, which check that
/// the two agree, and for the benchmarks, which time them.
package struct TextBreaks: Equatable {
    package var wordBoundaries: [Int] = []
    package var ruleStatuses: [Int32] = []
    package var sentenceEnds: [Int] = []

    /// The breaks `CommonTextBreaker` finds, or nil when the text has characters it leaves to ICU.
    package static func common(_ bytes: UnsafeBufferPointer<UInt8>) -> TextBreaks? {
        var boundaries: [(offset: Int, status: Int32)] = []
        var breaks = TextBreaks()
        guard CommonTextBreaker.breaks(bytes, boundaries: &boundaries, sentenceEnds: &breaks.sentenceEnds) else { return nil }
        breaks.wordBoundaries = boundaries.map(\.offset)
        breaks.ruleStatuses = boundaries.map(\.status)
        return breaks
    }

    /// The breaks ICU finds.
    package static func icu(_ bytes: UnsafeBufferPointer<UInt8>) -> TextBreaks {
        var boundaries: [(offset: Int, status: Int32)] = []
        var breaks = TextBreaks()
        BreakIterators().breaks(bytes, boundaries: &boundaries, sentenceEnds: &breaks.sentenceEnds)
        breaks.wordBoundaries = boundaries.map(\.offset)
        breaks.ruleStatuses = boundaries.map(\.status)
        return breaks
    }

    /// Where the two paths disagree on `bytes`, or nil when they agree or the text is not one
    /// `CommonTextBreaker` reads.
    package static func difference(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let common = common(bytes) else { return nil }
        let icu = icu(bytes)
        if common.wordBoundaries != icu.wordBoundaries || common.ruleStatuses != icu.ruleStatuses {
            return "word boundaries differ: ICU \(icu.describedBoundaries), common-text breaker \(common.describedBoundaries)"
        }
        if common.sentenceEnds != icu.sentenceEnds {
            return "sentence ends differ: ICU \(icu.sentenceEnds), common-text breaker \(common.sentenceEnds)"
        }
        return nil
    }

    private var describedBoundaries: [String] {
        zip(wordBoundaries, ruleStatuses).map { "\($0):\($1)" }
    }
}
