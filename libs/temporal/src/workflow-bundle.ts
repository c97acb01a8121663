import type { BundleOptions } from '@temporalio/worker';
import { join } from 'node:path';
import { FAILURE_CONVERTER_PATH } from './codec/failure-converter-path';
import { repoRoot } from './repo-root';

const LIBS_IN_WORKFLOWS = ['domain', 'contracts'] as const;

/** Where the production worker loads its prebuilt bundle from (written by `npm run build`). */
export function workflowBundlePath(): string {
  return process.env.TNW_WORKFLOW_BUNDLE ?? join(repoRoot(), 'dist', 'workflow-bundle.js');
}

/**
 * One definition of the workflow bundle for the build, the tests and replay, so all three run
 * the same code. The bundler is taught the `@tnw/*` path aliases that workflows may use. The
 * failure converter is the one of the data converters (libs/temporal/src/codec): failures'
 * messages go into the encrypted payloads.
 */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook' | 'failureConverterPath'> {
  const root = repoRoot();
  const alias = Object.fromEntries(LIBS_IN_WORKFLOWS.map((lib) => [`@tnw/${lib}`, join(root, 'libs', lib, 'src')]));
  return {
    workflowsPath: join(root, 'workflows', 'index.ts'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } },
    }),
  };
}
