// Tests never read the developer's shell settings by accident: only DATABASE_URL (to pick PostgreSQL) passes through.
process.env.NODE_ENV = 'test'
