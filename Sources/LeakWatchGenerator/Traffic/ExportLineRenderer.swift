/// Writes export events as canonical JSON lines.
enum ExportLineRenderer {
    /// Appends one line per event; job ids are `job-YYYYMMDD-NNNN`, numbered in time order within the day.
    static func render(_ events: [ExportEvent], day: CivilDate, into line: inout LineBuffer) {
        let jobPrefix = Array(("job-" + day.compact + "-").utf8)
        for (index, event) in events.enumerated() {
            let date = CivilDate(epochMillis: event.millis)
            let midnight = CivilDate.floorDivide(event.millis, CivilDate.millisPerDay) * CivilDate.millisPerDay
            let inDay = event.millis - midnight
            line.append("{\"ts\":\"")
            line.appendTimestamp(
                dayPrefix: Array((date.dashed + "T").utf8), minuteOfDay: Int(inDay / 60_000),
                millisInMinute: Int(inDay % 60_000))
            line.append("\",\"job_id\":\"")
            line.append(jobPrefix)
            line.appendDigits(index + 1, count: 4)
            line.append(UInt8(ascii: "\""))
            line.append(JSONText.field("principal", event.principal))
            line.append(JSONText.field("object", event.object))
            line.append(JSONText.field("destination", event.destination))
            line.append(",\"records\":")
            line.appendDecimal(event.records)
            line.append(",\"synthetic_records\":")
            line.appendDecimal(event.syntheticRecords)
            line.append(",\"bytes\":")
            line.appendDecimal(Int(event.bytes))
            line.append(JSONText.field("format", event.format))
            line.append("}\n")
        }
    }
}
