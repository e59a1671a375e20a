import Dispatch
import Synchronization

/// Transforms items on several threads and hands each result on in the order the items were
/// added, so output never depends on the number of threads. Items are gathered into batches of
/// at most `batchItems` items or about `batchBytes` bytes (as `weight` counts them), which
/// bounds memory to two batches. While one batch is transformed, the adding thread hands on the
/// results of the batch before and reads the next, so reading and writing overlap the work.
final class OrderedParallelMap<Item: Sendable, Output: Sendable> {
    /// A batch being transformed in the background.
    private struct InFlight {
        let items: [Item]
        let results: UnsafeMutableBufferPointer<Output>
        let group: DispatchGroup
    }

    /// The next index of a batch to transform, shared by its workers.
    private final class Cursor: Sendable {
        let next = Atomic<Int>(0)
    }

    private let jobs: Int
    private let batchItems: Int
    private let batchBytes: Int
    private let weight: (Item) -> Int
    private let transform: @Sendable (Item) -> Output
    private let handle: (Item, Output) throws -> Void
    private let queue = DispatchQueue(label: "shades.ordered-parallel-map", attributes: .concurrent)
    private var pending: [Item] = []
    private var pendingBytes = 0
    private var inFlight: InFlight?

    /// - Parameters:
    ///   - jobs: threads to use (1 transforms on the adding thread only).
    ///   - batchItems: at most this many items per batch; 1 hands each result on before the
    ///     next item is read (for line-buffered output).
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

    deinit {
        // A handler threw: let the batch in the background finish before its memory goes.
        if let inFlight { release(inFlight) }
    }

    func add(_ item: Item) throws {
        pending.append(item)
        pendingBytes += weight(item)
        if pending.count >= batchItems || pendingBytes >= batchBytes { try launch() }
    }

    /// Transforms and hands on everything added so far.
    func flush() throws {
        try launch()
        try handOnInFlight()
    }

    /// Starts the pending batch in the background and hands on the one before it meanwhile
    /// (or, with one job or one-item batches, transforms and hands it on right here).
    private func launch() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        if jobs == 1 || batchItems == 1 {
            try handOnInFlight()
            for item in batch { try handle(item, transform(item)) }
            return
        }
        let results = UnsafeMutableBufferPointer<Output>.allocate(capacity: batch.count)
        // Each index is written by exactly one worker, and read only after the group is done.
        nonisolated(unsafe) let unsafeResults = results
        let group = DispatchGroup()
        let cursor = Cursor()
        let transform = self.transform
        for _ in 0..<min(jobs, batch.count) {
            queue.async(group: group) {
                while true {
                    let index = cursor.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < batch.count else { return }
                    (unsafeResults.baseAddress! + index).initialize(to: transform(batch[index]))
                }
            }
        }
        try handOnInFlight()
        inFlight = InFlight(items: batch, results: results, group: group)
    }

    /// Waits for the batch in the background, if any, and hands its results on in order.
    private func handOnInFlight() throws {
        guard let batch = inFlight else { return }
        inFlight = nil
        batch.group.wait()
        defer { release(batch, waiting: false) }
        for (item, output) in zip(batch.items, batch.results) { try handle(item, output) }
    }

    private func release(_ batch: InFlight, waiting: Bool = true) {
        if waiting { batch.group.wait() }
        _ = batch.results.deinitialize()
        batch.results.deallocate()
    }
}
