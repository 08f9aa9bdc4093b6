// ESLint flat config. It is a dotfile (run with `eslint -c .eslint.config.mjs`) so the top level keeps
// exactly the layout the project fixes: package.json, tsconfig.json, src/, views/, migrations/, public/, tests/.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Pure domain modules decide about people; they must not reach for the web, the database, files or config
// (STYLE §3.2 dependency rule), so that every decision is reproducible from its inputs.
const DOMAIN_FOLDERS = ['src/audit/**', 'src/signoff/**', 'src/domain/**', 'src/presenters/**', 'src/auth/roles.ts']
const DOMAIN_FORBIDDEN = [
  { name: 'express', message: 'Domain modules are pure: no HTTP here.' },
  { name: 'knex', message: 'Domain modules are pure: repositories talk to the database.' },
  { name: 'fs', message: 'Domain modules are pure: services read files.' },
  { name: 'node:fs', message: 'Domain modules are pure: services read files.' },
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '.build/**', 'coverage/**', 'public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Only config.ts reads the environment; everything else receives validated config.
      'no-process-env': 'error',
      // `.only` left in a test silently skips the rest of the suite.
      'no-restricted-properties': ['error', { object: 'describe', property: 'only' }, { object: 'it', property: 'only' }, { object: 'test', property: 'only' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: DOMAIN_FOLDERS,
    rules: {
      // Types may be shared (a presenter reads a row's shape); values may not.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: DOMAIN_FORBIDDEN, patterns: [{ group: ['**/config', '**/db/**', '**/services/**'], message: 'Domain modules are pure.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // The entry points that hand the environment to config, and tests that choose their database or browser.
    files: ['src/config.ts', 'src/cli/vet.js', 'tests/**'],
    rules: { 'no-process-env': 'off' },
  },
  {
    // Progressive-enhancement scripts served to browsers.
    files: ['public/js/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // CommonJS bootstraps that load TypeScript through tsx (the CLI bin, worker threads).
    files: ['src/**/*.js', 'tests/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
