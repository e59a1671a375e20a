/// Checks `CommonTextBreaker` against ICU on one text: the differential test that the unit
/// tests and the `breaks` fuzz target run.
package enum BreakComparison {
    /// A description of where the two disagree on `bytes`, or nil when they agree or the
    /// text is not one `CommonTextBreaker` reads.
    package static func difference(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var fastBoundaries: [(offset: Int, status: Int32)] = []
        var fastSentenceEnds: [Int] = []
        guard CommonTextBreaker.breaks(bytes, boundaries: &fastBoundaries, sentenceEnds: &fastSentenceEnds) else { return nil }
        var icuBoundaries: [(offset: Int, status: Int32)] = []
        var icuSentenceEnds: [Int] = []
        BreakIterators().breaks(bytes, boundaries: &icuBoundaries, sentenceEnds: &icuSentenceEnds)
        if !fastBoundaries.elementsEqual(icuBoundaries, by: ==) {
            return "word boundaries differ: ICU \(icuBoundaries.map { "\($0.offset):\($0.status)" }), "
                + "common-text breaker \(fastBoundaries.map { "\($0.offset):\($0.status)" })"
        }
        if fastSentenceEnds != icuSentenceEnds {
            return "sentence ends differ: ICU \(icuSentenceEnds), common-text breaker \(fastSentenceEnds)"
        }
        return nil
    }
}
