import Shades

/// An entry and what the analysis found in it.
struct AnalysedEntry {
    let entry: JournalEntry
    let analysis: Analysis
}
