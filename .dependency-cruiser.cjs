/**
 * The layering the project keeps (README, "Architecture"), checked on every CI run (`npm run lint:imports`):
 * data flows one way, so a reader can change a folder knowing what can depend on it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const DOMAIN = "^shared/(contract|text|v8|normalize|summarize|translate|report)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "An import circle ties two modules' fates: split the shared piece into its own module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-has-no-wiring",
      severity: "error",
      comment:
        "The domain core is pure: it imports nothing from the pipeline, the adapters, the handlers or the infrastructure.",
      from: { path: DOMAIN },
      to: { path: "^(shared/(pipeline|adapters)/|functions/|infra/)" },
    },
    {
      name: "domain-has-no-aws",
      severity: "error",
      comment: "The domain core talks to no AWS service: that is what adapters are for.",
      from: { path: DOMAIN },
      to: { path: "node_modules/(@aws-sdk|@aws-lambda-powertools|aws-cdk-lib|@smithy)/" },
    },
    {
      name: "runtime-does-not-import-infra",
      severity: "error",
      comment:
        "Lambda code and the shared library never reach into the CDK app or the local stand-ins.",
      from: { path: "^(shared|functions)/" },
      to: { path: "^infra/" },
    },
    {
      name: "production-does-not-import-tests",
      severity: "error",
      comment: "Test support is for tests.",
      from: { path: "^(shared|functions|infra)/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(cdk\\.out|\\.local|dist|tests/output|tests/bench/results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
