/// An open-addressing hash table from short byte strings to dense ids, looked up from a
/// buffer pointer without allocating (the tokenizer calls it once per token).
struct ByteStringTable: Sendable {
    private var storage: [UInt8] = []
    /// Byte range of each key in `storage`, by id.
    private var keys: [Range<Int>] = []
    /// Slot → id + 1 (0 marks an empty slot).
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    var count: Int { keys.count }

    /// The id of `bytes`, adding it when new.
    mutating func insert(_ bytes: some Collection<UInt8>) -> Int32 {
        let array = Array(bytes)
        if let id = array.withUnsafeBufferPointer({ lookup($0) }) { return id }
        if (keys.count + 1) * 2 > slots.count { grow() }
        let id = Int32(keys.count)
        let start = storage.count
        storage.append(contentsOf: array)
        keys.append(start..<storage.count)
        place(id, hash: array.withUnsafeBufferPointer { Self.hash($0) })
        return id
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(bytes) & mask
        return storage.withUnsafeBufferPointer { stored in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let range = keys[Int(entry - 1)]
                if range.count == bytes.count,
                   memcmpEqual(stored.baseAddress! + range.lowerBound, bytes.baseAddress, bytes.count) {
                    return entry - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func place(_ id: Int32, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for id in keys.indices {
            let hash = storage.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[keys[id]])) }
            place(Int32(id), hash: hash)
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

private func memcmpEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let rhs else { return count == 0 }
    for index in 0..<count where lhs[index] != rhs[index] { return false }
    return true
}
