/// Colours and the page's stylesheet (inline: the report loads nothing from anywhere).
enum ReportPalette {
    /// One colour per severity, light to dark and blue to red (readable for the common colour-vision deficiencies
    /// by lightness alone).
    static let severities: [(name: String, colour: String)] = [
        ("info", "#9aa5b1"), ("low", "#8fc1e3"), ("medium", "#f2c14e"), ("high", "#e8743b"), ("critical", "#a4161a"),
    ]

    static func colour(severity: String) -> String {
        severities.first { $0.name == severity }?.colour ?? "#666"
    }

    static let observed = "#5b7ea4"
    static let expected = "#2a9d5c"
    static let bound = "#c0392b"
    static let alert = "#a4161a"
    static let precision = "#7b4fa0"
    static let recall = "#2a9d5c"
    static let axis = "#888"
    static let grid = "#e6e6e6"
    static let warmup = "#eceff3"
    static let current = "#1f3b57"
    static let other = "#a9bcd0"

    static let stylesheet = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;padding:24px;\
        color:#222;background:#fafafa}
        main{max-width:1240px;margin:0 auto}
        h1{font-size:24px;margin:0 0 4px}
        h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #ddd;padding-bottom:4px}
        h3{font-size:15px;margin:18px 0 4px}
        p.note{color:#555;font-size:13px;margin:4px 0 10px;max-width:1100px}
        section{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:8px 20px 18px;margin-bottom:20px}
        table{border-collapse:collapse;font-size:13px}
        td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        table.summary td:first-child{color:#555}
        .grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
        .card{flex:1 1 420px}
        .legend{font-size:12px;color:#444;margin:4px 0}
        .legend span.swatch{display:inline-block;width:11px;height:11px;margin:0 4px 0 12px;vertical-align:-1px}
        .legend span.line{display:inline-block;width:18px;height:0;margin:0 4px 0 12px;vertical-align:3px;\
        border-top:2px solid}
        tr.current{background:#eef4fb;font-weight:600}
        code{white-space:nowrap}
        pre{margin:0;font-size:12px;background:#f4f4f4;padding:3px 6px;border-radius:3px}
        .key{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
        svg{display:block;max-width:100%;height:auto}
        svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
        """
}
