// Lint rules: typescript-eslint's recommended set plus the house rules that a linter can hold.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'examples/**/node_modules/', '.tarmac/', 'coverage/', 'test/golden/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'execa', message: 'Only src/exec/ may start processes.' },
            { name: 'node:child_process', message: 'Only src/exec/ may start processes.' },
            { name: 'child_process', message: 'Only src/exec/ may start processes.' },
          ],
        },
      ],
    },
  },
  { files: ['src/exec/**', 'test/**', 'bench/**', 'scripts/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Only src/engines/ builds engine argv: everyone else calls ContainerEngine methods (exec for plain verbs).
    files: ['**/*.ts'],
    ignores: ['src/engines/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='argvPrefix']",
          message:
            'Only src/engines/ builds engine argv: use engine.exec(), commandLine(), toolEnv() or a typed method.',
        },
      ],
    },
  },

  {
    // Type-aware rules on the shipped code: a promise nobody awaits loses its error (and its AbortSignal's
    // cancellation) silently. Tests and benches are left out to keep `npm run lint` quick.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test-kit.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/ui/**', 'src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only src/cli/ exits.' }],
    },
  },
  {
    files: [
      'examples/**/*.js',
      'examples/**/*.mjs',
      'bin/**/*.js',
      'scripts/**/*.mjs',
      'test/fixtures/**/*.js',
      'test/fixtures/**/*.mjs',
    ],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
