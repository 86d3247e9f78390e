extension StoreFeature {
    /// The append-only, hash-chained audit trail.
    static let audit = StoreFeature("audit", [M0008_CreateAuditLog()])
}
