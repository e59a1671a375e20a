import Dispatch
import Shades
import Synchronization

/// Analyses entries in batches on several threads and hands each result on in the order the
/// entries were read, so the output does not depend on the number of threads. A batch holds
/// at most `batchEntries` entries or about `batchBytes` of text, which bounds memory.
final class ParallelAnalysis {
    private let analyzer: Analyzer
    private let jobs: Int
    private let batchEntries: Int
    private let batchBytes: Int
    private let handle: (EntryRead, Analysis?) throws -> Void
    private var pending: [EntryRead] = []
    private var pendingBytes = 0

    /// - Parameter handle: called in read order with each read and, for entries, its analysis.
    init(analyzer: Analyzer, jobs: Int, batchEntries: Int = 512, batchBytes: Int = 4 << 20,
         handle: @escaping (EntryRead, Analysis?) throws -> Void) {
        self.analyzer = analyzer
        self.jobs = max(1, jobs)
        self.batchEntries = batchEntries
        self.batchBytes = batchBytes
        self.handle = handle
    }

    func add(_ read: EntryRead) throws {
        pending.append(read)
        if case .entry(let entry) = read { pendingBytes += entry.text.utf8.count }
        if pending.count >= batchEntries || pendingBytes >= batchBytes { try flush() }
    }

    /// Analyses and hands on everything added so far.
    func flush() throws {
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        var analyses = [Analysis?](repeating: nil, count: batch.count)
        let analyzer = self.analyzer
        analyses.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one thread, and read only after all have joined.
            nonisolated(unsafe) let results = buffer
            let next = Atomic<Int>(0)
            let work: @Sendable (Int) -> Void = { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < batch.count else { return }
                    if case .entry(let entry) = batch[index] { results[index] = analyzer.analyze(entry.text) }
                }
            }
            if jobs == 1 || batch.count == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count), execute: work)
            }
        }
        for (read, analysis) in zip(batch, analyses) { try handle(read, analysis) }
    }
}
