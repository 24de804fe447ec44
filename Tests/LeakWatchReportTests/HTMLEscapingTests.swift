import LeakWatchReport
import Testing

@Suite("HTML escaping of text from logs")
struct HTMLEscapingTests {
    @Test("the five HTML-special characters are replaced", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a&b", "a&amp;b"),
        ("\"quoted\"", "&quot;quoted&quot;"),
        ("it's", "it&#39;s"),
        ("&lt;", "&amp;lt;"),
        ("plain-key_1.2/3", "plain-key_1.2/3"),
        ("ünïcödé ✓", "ünïcödé ✓"),
    ])
    func escapes(input: String, expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test("a hostile key name cannot open a tag or close an attribute anywhere on the page")
    func hostileKeyInPage() {
        let hostile = "evil\"><img src=x onerror='alert(1)'>&"
        var summary = ReportSummary()
        summary.alertsByDetector = [(detector: "volume_spike", count: 1)]
        summary.firstEventMillis = 0
        summary.lastEventMillis = 86_400_000
        let series = KeySeries(
            keyHash: 1, dimension: "principal", keyName: hostile, reasons: [hostile], metric: "requests",
            bucketMillis: 3_600_000,
            points: [SeriesPoint(time: 0, observed: 5, expected: 2, bound: 9)],
            alerts: [AlertMark(time: 0, detector: "volume_spike", severity: "high", keyHash: 1)])
        let report = TuningReport(
            summary: summary, alerts: series.alerts, series: [series], sweeps: [], windowMillis: 60_000)
        let html = ReportPage.html(report)
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror='"))
        #expect(html.contains("evil&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;"))
    }
}
