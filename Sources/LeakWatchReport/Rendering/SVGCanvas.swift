import LeakWatchAlerting

/// Writes the elements of one inline SVG chart; coordinates are printed with one decimal and every text is
/// escaped, so the same chart is always the same bytes.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func number(_ value: Double) -> String { NumberFormatting.fixed(value, digits: 1) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) {
        let n = Self.number
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" "
            + "fill=\"\(fill)\""
        if let title { body += "><title>\(HTMLEscaping.escape(title))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil) {
        let n = Self.number
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(n(width))\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// A polyline through `points`; nil points break the line.
    mutating func polyline(_ points: [(x: Double, y: Double)?], stroke: String, width: Double = 1.5,
                           dash: String? = nil) {
        var path = ""
        var pen = false
        for point in points {
            guard let point else {
                pen = false
                continue
            }
            path += (pen ? "L" : "M") + Self.number(point.x) + " " + Self.number(point.y)
            pen = true
        }
        guard !path.isEmpty else { return }
        body += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                       fill: String = "#333", weight: String? = nil) {
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" "
            + "font-size=\"\(Self.number(size))\" fill=\"\(fill)\"" + (weight.map { " font-weight=\"\($0)\"" } ?? "")
            + ">\(HTMLEscaping.escape(content))</text>"
    }

    mutating func dot(x: Double, y: Double, radius: Double, fill: String) {
        body += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" "
            + "fill=\"\(fill)\"/>"
    }

    /// A downward triangle with its tip at (x, y).
    mutating func marker(x: Double, y: Double, fill: String, title: String) {
        let n = Self.number
        body += "<path d=\"M\(n(x - 4)) \(n(y - 7))L\(n(x + 4)) \(n(y - 7))L\(n(x)) \(n(y))Z\" fill=\"\(fill)\">"
            + "<title>\(HTMLEscaping.escape(title))</title></path>"
    }

    /// The finished `<svg>` element; `label` is its accessible name.
    func finish(label: String) -> String {
        let n = Self.number
        return "<svg width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">"
            + body + "</svg>"
    }
}
