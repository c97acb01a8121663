// One jest run, four layers. Each layer is a project so it can have its own setup:
// unit tests need nothing, workflow tests start their own time-skipping server per file,
// end-to-end and replay tests share the dev server, PostgreSQL and the partner simulators
// started once in test/support/global-setup.ts.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];

const moduleNameMapper = {
  // Kept out of the domain's index so that it stays out of the workflow bundle (decision 0002).
  '^@tnw/domain/belgian-holidays$': '<rootDir>/libs/domain/src/calendar/belgian-holidays',
  '^@tnw/(domain|contracts|persistence|integrations|temporal)$': '<rootDir>/libs/$1/src',
};

// jose ships as ES modules only; Node 20.19 loads it with require() in production, jest's
// CommonJS runtime needs it compiled.
const swcForEsmPackages = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

const base = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swcForEsmPackages },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // Workflow and end-to-end tests wait for real servers and activity retries.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts', '<rootDir>/test/replay/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The back-office web app in Debian's chromium (playwright-core), against the same stack as e2e.
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
