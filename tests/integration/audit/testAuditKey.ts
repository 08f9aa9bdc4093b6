/** A fixed audit key for tests that build the repository themselves (the app reads AUDIT_KEY or DATA_DIR/audit-key). */
export const TEST_AUDIT_KEY = Buffer.from('a test audit key of at least thirty-two characters', 'utf8')
