/// Where the fields of one Combined / Common Log Format line are (offsets into the line) plus its two numbers.
@usableFromInline
struct CombinedLogFields {
    @usableFromInline var host: Range<Int>
    /// Empty when the user is `-`.
    @usableFromInline var user: Range<Int>
    /// Between the brackets.
    @usableFromInline var date: Range<Int>
    /// Between the quotes, escapes left as they are.
    @usableFromInline var request: Range<Int>
    /// 0 when `-`.
    @usableFromInline var status: Int32
    /// 0 when `-`.
    @usableFromInline var size: Int64

    @inlinable
    init(host: Range<Int>, user: Range<Int>, date: Range<Int>, request: Range<Int>, status: Int32, size: Int64) {
        self.host = host
        self.user = user
        self.date = date
        self.request = request
        self.status = status
        self.size = size
    }
}
