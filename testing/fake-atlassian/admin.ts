import type { ServerResponse } from "node:http";
import { json } from "./respond";
import type { Fault, FakeSite, FakeState } from "./state";

type CredentialBody = {
  client_id: string;
  client_secret: string;
  sites?: FakeSite[];
  scope?: string;
  /** Any JSON value, answered as given (see FakeCredential.expiresIn); "omit" leaves it out. */
  expires_in?: unknown;
};

/**
 * The test-facing side of the fake: create credentials, revoke them, queue and clear faults, read
 * counts.
 */
export function handleAdmin(
  state: FakeState,
  path: string,
  body: string,
  response: ServerResponse,
) {
  const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  switch (path) {
    case "/__fake/health":
      return json(response, 200, { ok: true });
    case "/__fake/credentials": {
      const credential = input as CredentialBody;
      state.credentials.set(credential.client_id, {
        clientId: credential.client_id,
        clientSecret: credential.client_secret,
        sites: credential.sites ?? [],
        scope: credential.scope,
        expiresIn: credential.expires_in,
        faults: [],
      });
      return json(response, 201, { ok: true });
    }
    case "/__fake/revoke": {
      const credential = state.credentials.get(String(input.client_id));
      if (credential) credential.revoked = true;
      return json(response, credential ? 200 : 404, { ok: Boolean(credential) });
    }
    case "/__fake/expire-tokens": {
      // The credential still works; only the tokens issued so far stop being accepted.
      for (const [token, owner] of state.tokens) {
        if (owner === String(input.client_id)) state.tokens.delete(token);
      }
      return json(response, 200, { ok: true });
    }
    case "/__fake/faults": {
      const credential = state.credentials.get(String(input.client_id));
      if (!credential) return json(response, 404, { ok: false });
      credential.faults.push(input.fault as Fault);
      return json(response, 200, { ok: true });
    }
    case "/__fake/faults/clear": {
      const credential = state.credentials.get(String(input.client_id));
      if (!credential) return json(response, 404, { ok: false });
      credential.faults = [];
      return json(response, 200, { ok: true });
    }
    case "/__fake/stats":
      return json(response, 200, {
        calls: state.calls,
        token_requests: state.tokenRequests,
        gateway_requests: state.gatewayRequests.length,
      });
    default:
      return json(response, 404, { ok: false });
  }
}
