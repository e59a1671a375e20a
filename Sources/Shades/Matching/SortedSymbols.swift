extension RandomAccessCollection where Element == Int32 {
    /// Membership in a collection sorted in ascending order, by binary search.
    func sortedContains(_ value: Int32) -> Bool {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if self[middle] < value {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low != endIndex && self[low] == value
    }
}
