import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';

const ALGORITHM = 'ES256';

/**
 * The issuer's signing key, made at start: tokens from an earlier run stop verifying, which a
 * development issuer can afford (sign in again). The API only ever sees the public JWKS.
 */
export class SigningKey {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async create(): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM);
    const jwk = await exportJWK(publicKey);
    return new SigningKey(privateKey, { ...jwk, kid: randomUUID(), alg: ALGORITHM, use: 'sig' });
  }

  sign(claims: JWTPayload, issuer: string, audience: string, lifetimeSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
