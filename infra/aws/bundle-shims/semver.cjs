// Stands in for `semver` in the Lambda bundles. Its one user there is aws-xray-sdk-core's captureAWS (AWS SDK
// v2: `semver.gte(AWS.VERSION, "2.7.15")`), which these functions never call (SDK v3 clients are captured
// with captureAWSv3Client); the package is 29 KiB and ~2 ms of init. `gte` on plain x.y.z versions is kept.
const PLAIN = /^v?(\d+)\.(\d+)\.(\d+)$/;

function parts(version) {
  const match = PLAIN.exec(String(version).trim());
  if (!match)
    throw new TypeError(`semver shim: unsupported version "${version}" (infra/aws/bundle-shims)`);
  return match.slice(1, 4).map(Number);
}

function gte(a, b) {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i] > y[i];
  }
  return true;
}

module.exports = { gte };
