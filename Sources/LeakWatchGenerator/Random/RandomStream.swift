/// Names of independent random streams, so that adding draws to one never shifts another.
enum RandomStream: UInt64 {
    case roster = 0x726F_7374
    case scenario = 0x7363_656E
    case accessMinute = 0x6163_6365
    case exportDay = 0x6578_706F
    case actorHourNoise = 0x6E6F_6973
    case actorDayNoise = 0x6461_796E
    case actorAbsence = 0x6162_7365
    case actorRemote = 0x7265_6D6F
}
