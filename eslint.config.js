// Flat config for the whole workspace: TypeScript everywhere, React hook rules in the web app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const CLIENT_LIBRARIES = [
  { name: 'kafkajs', message: 'Use a gateway in apps/server/src/kafka.' },
  { name: '@platformatic/kafka', message: 'Only apps/server/src/kafka/admin may use it.' },
];
const ADMIN_FOLDER = {
  group: ['**/kafka/admin', '**/kafka/admin/**'],
  message: 'kafka/admin is reached through the gateways in apps/server/src/kafka.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No user-supplied code may ever run on the server (kafka-ui's Groovy filters were a remote-code hole).
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The layering main → app → routes → domain → kafka: routes, domain and plugins reach Kafka only
    // through the gateways in apps/server/src/kafka; kafka/admin is the gateways' own business.
    files: ['apps/server/src/{routes,plugins}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: CLIENT_LIBRARIES, patterns: [ADMIN_FOLDER] }] },
  },
  {
    // Domain code gets its gateways injected (as parameters): no client, no connection, no admin call.
    files: ['apps/server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CLIENT_LIBRARIES,
          patterns: [
            ADMIN_FOLDER,
            {
              group: ['**/kafka/cluster-connection.ts', '**/kafka/cluster-registry.ts'],
              message: 'Domain code takes a gateway (kafka/*-gateway.ts, PartitionReader) as a parameter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
