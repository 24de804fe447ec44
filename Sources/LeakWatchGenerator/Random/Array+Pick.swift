extension Array {
    /// A seeded random element (nil when empty).
    func pick(using random: inout Xoshiro256StarStar) -> Element? {
        isEmpty ? nil : self[random.below(count)]
    }
}
