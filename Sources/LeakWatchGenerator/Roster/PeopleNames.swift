/// Given names and family names people are made of.
enum PeopleNames {
    static let given = [
        "jane", "john", "maria", "lukas", "sofia", "noah", "emma", "liam", "olivia", "mateo", "amelia", "lucas",
        "mia", "elias", "hannah", "leon", "chloe", "finn", "zoe", "oscar", "ines", "jonas", "ava", "hugo",
        "clara", "felix", "nora", "david", "lea", "samuel", "aisha", "tom", "yuki", "priya", "omar", "eva",
        "marco", "julia", "kofi", "anna",
    ]
    static let family = [
        "doe", "smith", "mueller", "garcia", "rossi", "martin", "kowalski", "nguyen", "johnson", "schmidt",
        "dubois", "silva", "jensen", "novak", "brown", "fischer", "lopez", "moreau", "weber", "tanaka", "khan",
        "okafor", "andersen", "costa", "meyer", "wilson", "perez", "becker", "ivanova", "hughes", "larsen",
        "romano", "baker", "park", "haddad", "wagner", "clarke", "santos", "berg", "vogel",
    ]
    static let browsers = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/122.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.3 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/122.0.0.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
        "CRM-Desktop/5.12 (Windows 10)",
    ]
}
