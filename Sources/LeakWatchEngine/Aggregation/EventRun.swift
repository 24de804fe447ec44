/// A contiguous run of events of one parsed batch, in the order the engine must see them.
package struct EventRun: Sendable, Equatable {
    /// Index of the batch in the array handed to ``ShardedAggregator/process(_:batches:)``.
    package var batch: Int
    package var start: Int
    package var end: Int

    package init(batch: Int, start: Int, end: Int) {
        self.batch = batch
        self.start = start
        self.end = end
    }
}
