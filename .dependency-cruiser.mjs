// Import rules checked by `npm run lint` (docs/adr/015-bounded-contexts-and-unit-of-work.md): no cycle anywhere, and the
// bounded contexts of the services are reached only through their public entry file (index.ts).
const CONTEXT_APPS = '(referrals|identity)';

export default {
  forbidden: [
    {
      name: 'no-import-cycle',
      comment: 'A cycle ties modules into one: loading order starts to matter and nothing can move alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-deep-import-across-contexts',
      comment:
        'A context of a service is used through its index.ts; its other files are its own business. ' +
        'Export what others need from the index, or move the code to the context that owns it.',
      severity: 'error',
      from: { path: `^apps/${CONTEXT_APPS}/src/([^/]+)/` },
      to: {
        path: '^apps/$1/src/[^/]+/',
        pathNot: ['^apps/$1/src/$2/', '^apps/$1/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'no-deep-import-from-composition-root',
      comment: 'main.ts, migrate.ts and app.module.ts assemble contexts through their index.ts as well.',
      severity: 'error',
      from: { path: `^apps/${CONTEXT_APPS}/src/[^/]+\\.ts$` },
      to: { path: '^apps/$1/src/[^/]+/', pathNot: '^apps/$1/src/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-depends-on-no-context',
      comment:
        'The platform of the referrals service (access, audit, configuration) sits below every context.',
      severity: 'error',
      from: { path: '^apps/referrals/src/platform/' },
      to: { path: '^apps/referrals/src/(intake|case-work|services|cross-border|repatriation)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.local)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
