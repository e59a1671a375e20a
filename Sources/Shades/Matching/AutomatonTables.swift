/// An `Automaton`'s arrays copied once into memory of their own, so that the matcher's hot
/// loop reads them through raw pointers without reference counting. Immutable after `init`.
final class AutomatonTables: @unchecked Sendable {
    // @unchecked: the buffers are written only in `init` and freed in `deinit`.
    let states: UnsafeBufferPointer<Automaton.State>
    let tests: UnsafeBufferPointer<Automaton.TokenTest>
    let testSymbols: UnsafeBufferPointer<Int32>
    let indexedEntries: UnsafeBufferPointer<Automaton.Entry>
    let entryStarts: UnsafeBufferPointer<Int32>
    let entryRuns: UnsafeBufferPointer<Automaton.EntryRun>
    let runStarts: UnsafeBufferPointer<Int32>
    let unindexedEntries: UnsafeBufferPointer<Automaton.Entry>
    let anchoredEntries: UnsafeBufferPointer<Automaton.Entry>
    let anchorStarts: UnsafeBufferPointer<Int32>
    let groupCount: Int
    let groupsBySymbol: UnsafeBufferPointer<Int32>
    let groupStarts: UnsafeBufferPointer<Int32>
    let entryGroups: UnsafeBufferPointer<Int32>
    let findingRequirements: UnsafeBufferPointer<Automaton.RequirementRange>
    let findingRequirementStarts: UnsafeBufferPointer<Int32>
    let hasUngatedFindingPattern: Bool
    let finalGroupCount: Int
    let finalGroupsBySymbol: UnsafeBufferPointer<Int32>
    let finalGroupStarts: UnsafeBufferPointer<Int32>

    init(_ automaton: Automaton) {
        states = Self.copy(automaton.states)
        tests = Self.copy(automaton.tests)
        testSymbols = Self.copy(automaton.testSymbols)
        indexedEntries = Self.copy(automaton.indexedEntries)
        entryStarts = Self.copy(automaton.entryStarts)
        entryRuns = Self.copy(automaton.entryRuns)
        runStarts = Self.copy(automaton.runStarts)
        unindexedEntries = Self.copy(automaton.unindexedEntries)
        anchoredEntries = Self.copy(automaton.anchoredEntries)
        anchorStarts = Self.copy(automaton.anchorStarts)
        groupCount = automaton.groupCount
        groupsBySymbol = Self.copy(automaton.groupsBySymbol)
        groupStarts = Self.copy(automaton.groupStarts)
        entryGroups = Self.copy(automaton.entryGroups)
        findingRequirements = Self.copy(automaton.findingRequirements)
        findingRequirementStarts = Self.copy(automaton.findingRequirementStarts)
        hasUngatedFindingPattern = automaton.hasUngatedFindingPattern
        finalGroupCount = automaton.finalGroupCount
        finalGroupsBySymbol = Self.copy(automaton.finalGroupsBySymbol)
        finalGroupStarts = Self.copy(automaton.finalGroupStarts)
    }

    deinit {
        states.deallocate()
        tests.deallocate()
        testSymbols.deallocate()
        indexedEntries.deallocate()
        entryStarts.deallocate()
        entryRuns.deallocate()
        runStarts.deallocate()
        unindexedEntries.deallocate()
        anchoredEntries.deallocate()
        anchorStarts.deallocate()
        groupsBySymbol.deallocate()
        groupStarts.deallocate()
        entryGroups.deallocate()
        findingRequirements.deallocate()
        findingRequirementStarts.deallocate()
        finalGroupsBySymbol.deallocate()
        finalGroupStarts.deallocate()
    }

    /// Whether `test` accepts `token`, whose symbols are `tokenSymbols`.
    func accepts(_ test: Automaton.TokenTest, _ token: Token, _ tokenSymbols: UnsafeBufferPointer<Int32>) -> Bool {
        switch test.kind {
        case .anyWord: return token.isWordLike
        case .words: return token.isWordLike && contains(anyOf: tokenSymbols, test)
        case .notWords: return token.isWordLike && !contains(anyOf: tokenSymbols, test)
        case .punctuation: return token.kind == .punctuation && contains(anyOf: tokenSymbols, test)
        }
    }

    private func contains(anyOf candidates: UnsafeBufferPointer<Int32>, _ test: Automaton.TokenTest) -> Bool {
        let symbols = UnsafeBufferPointer(rebasing: testSymbols[Int(test.symbolStart)..<Int(test.symbolEnd)])
        return candidates.contains { symbols.sortedContains($0) }
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }
}
