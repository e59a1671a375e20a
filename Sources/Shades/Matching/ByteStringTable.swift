/// An open-addressing hash table from short byte strings to dense ids, looked up from a
/// buffer pointer without allocating (the tokenizer calls it once per token).
struct ByteStringTable: Sendable {
    private var storage: [UInt8] = []
    /// Byte range of each key in `storage`, by id.
    private var keys: [Range<Int>] = []
    /// Slot → id + 1 in the low 32 bits (0 marks an empty slot), the key's hash in the high
    /// 32, so that a probe compares keys only when their hashes agree.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

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
        lookup(bytes, hash: Self.hash(bytes))
    }

    /// The id of `bytes`, whose `Hash` the caller has already computed.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int32? {
        let mask = slots.count - 1
        var slot = hash & mask
        let tag = Self.tag(hash)
        return storage.withUnsafeBufferPointer { stored in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if entry >> 32 == tag {
                        let id = Int32(truncatingIfNeeded: entry) - 1
                        let range = keys[Int(id)]
                        if range.count == bytes.count,
                           memcmpEqual(stored.baseAddress! + range.lowerBound, bytes.baseAddress, bytes.count) {
                            return id
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func place(_ id: Int32, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Self.tag(hash) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for id in keys.indices {
            let hash = storage.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[keys[id]])) }
            place(Int32(id), hash: hash)
        }
    }

    private static func tag(_ hash: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: hash) >> 32
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = Hash()
        hash.combine(bytes)
        return hash.value
    }

    /// FNV-1a, fed byte by byte, so that the hashes of a word's prefixes come on the way to
    /// the hash of the whole word.
    struct Hash {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }

        /// The hash of the bytes combined so far.
        var value: Int { Int(truncatingIfNeeded: state ^ (state >> 29)) }
    }
}

private func memcmpEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let rhs else { return count == 0 }
    for index in 0..<count where lhs[index] != rhs[index] { return false }
    return true
}
