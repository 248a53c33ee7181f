/**
 * Types for the vaccination follow-up app, from the client-facing schema (schema/api.graphql, written by
 * `npm run compose`) and the app's operations: `npm run codegen` (scripts/check-generated.ts fails when the output
 * is stale). Each generated document carries the id its trusted document is registered under, in `__meta__.hash`,
 * so the app sends hashes without hashing anything at run time.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { DocumentNode } from 'graphql';
import { trustedDocumentId } from '../../gateway/trusted-documents';

const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/api.graphql',
  documents: 'examples/vaccination-followup/operations.graphql',
  generates: {
    'examples/vaccination-followup/__generated__/': {
      preset: 'client',
      presetConfig: {
        // Plain result types: the app reads fragment fields directly.
        fragmentMasking: false,
        onExecutableDocumentNode: (document: DocumentNode) => ({ hash: trustedDocumentId(document) }),
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', GeoJSON: 'Record<string, unknown>' },
        strictScalars: true,
      },
    },
  },
};

export default config;
