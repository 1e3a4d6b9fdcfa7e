// ESLint 9 flat config for the whole workspace. Each project's `lint` target runs
// `eslint <projectRoot>` with this one file.
//
// The rule that matters is @nx/enforce-module-boundaries: it keeps the architecture in
// PLATFORM.md true as the code grows. Apps never import apps (services talk over Kafka and
// HTTP, never through each other's code), and everything shared lives in a tagged lib.
// Tags are in each project.json:
//   type:app | type:lib | type:e2e | type:ops (deploy/)
//   scope:domain (onboarding-kyc, payments, cards) | scope:edge (gateway, webhook-ingest)
//   | scope:sandbox (p100-sandbox) | scope:platform (libs/platform/*) | scope:shared (contracts, p100-client)
// A project carrying several tags must satisfy the constraint of every one of them.
import nx from '@nx/eslint-plugin';

const libScopes = ['scope:shared', 'scope:platform'];

export default [
  {
    ignores: ['**/dist', '**/node_modules', '**/.tools', '**/.runtime', '**/coverage', '**/*.cjs', '**/*.mjs', 'libs/contracts/src/grpc/generated/**'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Tests that run services as processes use the same runner as `npm start` (CommonJS in tools/).
          allow: ['../../../tools/platform/services.cjs', '../../../../tools/platform/services.cjs'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            // deploy/: checks of the compose file, manifests, rules and dashboards against the code.
            { sourceTag: 'type:ops', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: libScopes },
            { sourceTag: 'scope:edge', onlyDependOnLibsWithTags: libScopes },
            { sourceTag: 'scope:sandbox', onlyDependOnLibsWithTags: libScopes },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:platform'] },
          ],
        },
      ],
      // Otherwise the typescript-eslint recommended set, kept light: `any` is sometimes the honest
      // type at a boundary (handler maps, JSON), and `_name` marks a deliberately unused binding.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Additions of Nx's preset beyond the recommended set: stylistic, not correctness
      // (`() => {}` is the idiom for a no-op logger, `!` after a length check in tests).
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-inferrable-types': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
