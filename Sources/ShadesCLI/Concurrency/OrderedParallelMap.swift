import Dispatch
import Synchronization

/// Transforms items on several threads and hands each result on in the order the items were
/// added, so output never depends on the number of threads. Items are gathered into batches of
/// at most `batchItems` items or about `batchBytes` bytes (as `weight` counts them), which
/// bounds memory; the thread that adds items takes part in the work.
final class OrderedParallelMap<Item: Sendable, Output: Sendable> {
    private let jobs: Int
    private let batchItems: Int
    private let batchBytes: Int
    private let weight: (Item) -> Int
    private let transform: @Sendable (Item) -> Output
    private let handle: (Item, Output) throws -> Void
    private var pending: [Item] = []
    private var pendingBytes = 0

    /// - Parameters:
    ///   - jobs: threads to use (1 transforms on the calling thread only).
    ///   - transform: the work done in parallel; it must not depend on other items.
    ///   - handle: called on the adding thread, in order, with each item and its output.
    init(jobs: Int, batchItems: Int = 1024, batchBytes: Int = 4 << 20, weight: @escaping (Item) -> Int,
         transform: @escaping @Sendable (Item) -> Output, handle: @escaping (Item, Output) throws -> Void) {
        self.jobs = max(1, jobs)
        self.batchItems = batchItems
        self.batchBytes = batchBytes
        self.weight = weight
        self.transform = transform
        self.handle = handle
    }

    func add(_ item: Item) throws {
        pending.append(item)
        pendingBytes += weight(item)
        if pending.count >= batchItems || pendingBytes >= batchBytes { try flush() }
    }

    /// Transforms and hands on everything added so far.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        let transform = self.transform
        let outputs = [Output](unsafeUninitializedCapacity: batch.count) { buffer, initialized in
            // Each index is written by exactly one thread, and read only after all have joined.
            nonisolated(unsafe) let results = buffer
            let next = Atomic<Int>(0)
            let work: @Sendable (Int) -> Void = { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < batch.count else { return }
                    (results.baseAddress! + index).initialize(to: transform(batch[index]))
                }
            }
            if jobs == 1 || batch.count == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count), execute: work)
            }
            initialized = batch.count
        }
        for (item, output) in zip(batch, outputs) { try handle(item, output) }
    }
}
