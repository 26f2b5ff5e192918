// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-out/', 'tmp/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The pure layers never touch the terminal or the process: only src/cli may.
    files: ['src/domain/**', 'src/load/**', 'src/model/**', 'src/report/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['chalk', 'commander', 'cli-table3'], patterns: ['**/cli/**', '**/render/**'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
);
