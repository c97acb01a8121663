/**
 * The module the workflow bundle and the workers load the failure converter from: the compiled
 * .js in production (dist/), the .ts source under jest and ts-node. A path, because the workflow
 * bundle must include the very same module (Temporal's `failureConverterPath`).
 */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');
