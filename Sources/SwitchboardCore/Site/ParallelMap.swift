import Dispatch

/// `items.map(transform)` on every core, results in the order of `items`, so output stays
/// deterministic.
func parallelMap<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    var results = [Result?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let slots = buffer // each index is written by exactly one iteration
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots[index] = transform(items[index])
        }
    }
    return results.map { $0! }
}
