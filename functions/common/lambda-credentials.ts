/**
 * Bundled in place of @aws-sdk/credential-provider-node (an esbuild alias, see infra/aws/bundling.ts).
 * Lambda always hands the execution role's credentials to the process in environment variables, so the
 * default chain's other providers (SSO, INI files, web identity, IMDS, and the STS/SSO clients they pull
 * in) are dead weight in a Lambda bundle: about 100 KiB of code to parse at every cold start.
 * Only Lambda bundles use this; tests and the local runner resolve the real default chain.
 */
interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export class LambdaCredentialsMissingError extends Error {
  override readonly name = "CredentialsProviderError";
}

export function defaultProvider(_init?: unknown): () => Promise<Credentials> {
  return async () => {
    const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new LambdaCredentialsMissingError(
        "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set: this bundle only reads Lambda's environment credentials",
      );
    }
    const sessionToken = process.env.AWS_SESSION_TOKEN;
    const expiration = process.env.AWS_CREDENTIAL_EXPIRATION;
    return {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      ...(expiration ? { expiration: new Date(expiration) } : {}),
    };
  };
}

export const credentialsWillNeedRefresh = (credentials: Credentials): boolean =>
  credentials.expiration !== undefined;

export const credentialsTreatedAsExpired = (credentials: Credentials): boolean =>
  credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
