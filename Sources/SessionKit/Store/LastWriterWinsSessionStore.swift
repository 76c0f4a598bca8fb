/// A store's plain overwrite: the whole record written under `key` as it is, whatever the store
/// holds meanwhile. This is the save of most session libraries (Flask-Session, express-session,
/// connect-redis): two parallel requests of one client erase each other's changes, and a slow
/// save recreates a destroyed session.
///
/// SessionKit never saves this way. The protocol exists only so that the merge-cost benchmark
/// (`scripts/bench-http`, `session-demo --overwrite-saves`) can measure what the atomic merge of
/// `SessionStore.apply` costs against it, store by store; it is `package`, not public API.
package protocol LastWriterWinsSessionStore: SessionStore {
    /// Writes `record` under `key`, replacing any record there, in the cheapest way the store
    /// has (no read, no lock held across a read, no version check).
    func overwrite(_ key: SessionStorageKey, record: SessionRecord) async throws
}
