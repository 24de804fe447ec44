extension EndpointTemplater {
    /// The endpoint key for `path` as a `String` (for tests and config validation; allocates).
    package func template(_ path: String, method: String?) -> String {
        var arena: [UInt8] = []
        var pathBytes = Array(path.utf8)
        var methodBytes = Array((method ?? "").utf8)
        pathBytes.withUnsafeMutableBytes { pathBuffer in
            methodBytes.withUnsafeMutableBytes { methodBuffer in
                write(method: UnsafeRawBufferPointer(methodBuffer), path: UnsafeRawBufferPointer(pathBuffer), into: &arena)
            }
        }
        return String(decoding: arena, as: UTF8.self)
    }
}
