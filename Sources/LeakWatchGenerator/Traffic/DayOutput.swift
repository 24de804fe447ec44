/// What writing one day produced.
struct DayOutput: Sendable {
    var accessPath: String
    var exportPath: String
    var accessEvents: Int64 = 0
    var exportEvents: Int64 = 0
    var rawBytes: Int64 = 0
    var compressedBytes: Int64 = 0
}
