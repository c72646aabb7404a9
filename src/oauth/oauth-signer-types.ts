/**
 * What the rest of the add-in needs from an OAuth 1.0a signer (RFC 5849, RSA-SHA1 only, as Jira's
 * application links require). The implementation lives in `oauth-signer.ts`; the Jira client and
 * the admin CLI depend only on these types.
 */

/** An access token (or a request token during the three-legged dance) issued by Jira. */
export interface TokenCredentials {
  /** `oauth_token`. */
  token: string;
  /** `oauth_token_secret`. Unused by RSA-SHA1 signatures, kept because Jira issues one. */
  secret: string;
}

/** One HTTP request to be signed. */
export interface SignableRequest {
  /** HTTP method, any case. */
  method: string;
  /**
   * Jira's OWN absolute URL (its base URL + path + query), never the relay's: Jira rebuilds the
   * signature base string from the URL it sees. The query must be RFC 3986 encoded (`%20`, `%3D`).
   */
  url: string;
  /** Parameters of an `application/x-www-form-urlencoded` body; they are signed. JSON and multipart bodies are never passed here (they are not signed). */
  form?: Readonly<Record<string, string>>;
  /** Protocol parameters that belong in the Authorization header during the dance. */
  oauthParams?: { oauth_callback?: string; oauth_verifier?: string };
  /** The token to sign with; absent for request-token (and for 2-legged probing). */
  token?: TokenCredentials;
}

/** Signs requests for one consumer (one Jira application link). */
export interface OAuthSigner {
  /** The consumer key the Jira admin entered on the incoming application link. */
  readonly consumerKey: string;
  /** The `Authorization` header value: `OAuth oauth_consumer_key="…", …, oauth_signature="…"`. Fresh nonce and timestamp every call. */
  authorizationHeader(request: SignableRequest): Promise<string>;
  /** Seconds added to the local clock for `oauth_timestamp` (Jira's clock minus ours). */
  getClockOffsetSeconds(): number;
  /** Set after Jira answered `timestamp_refused`: its `Date` header minus our clock. */
  setClockOffsetSeconds(seconds: number): void;
}
