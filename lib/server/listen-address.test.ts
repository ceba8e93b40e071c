import { describe, expect, it } from "vitest";
import { ConfigError } from "../env-schema";
import { listenAddress } from "./listen-address";

describe("listenAddress", () => {
  it("listens on every interface on 3000 by default", () => {
    expect(listenAddress({}, {})).toEqual({ hostname: "0.0.0.0", port: 3000 });
  });

  it("ignores a HOSTNAME that is a machine's or container's own name", () => {
    for (const HOSTNAME of ["3f2a9c1e7b4d", "latch-1", "build-box.example.internal", " "]) {
      expect(listenAddress({}, { HOSTNAME }).hostname).toBe("0.0.0.0");
    }
  });

  it("honours a HOSTNAME that is an address or localhost", () => {
    const cases = [
      ["127.0.0.1", "127.0.0.1"],
      ["0.0.0.0", "0.0.0.0"],
      ["::", "::"],
      ["[::1]", "::1"],
      ["10.1.2.3", "10.1.2.3"],
      ["localhost", "localhost"],
      [" LOCALHOST ", "LOCALHOST"],
    ];
    for (const [HOSTNAME, hostname] of cases) {
      expect(listenAddress({}, { HOSTNAME }).hostname).toBe(hostname);
    }
  });

  it("takes PORT, and the flags over both variables", () => {
    expect(listenAddress({}, { PORT: "3407" }).port).toBe(3407);
    expect(listenAddress({}, { PORT: "" }).port).toBe(3000);
    expect(
      listenAddress({ hostname: "latch.internal", port: "8080" }, { HOSTNAME: "::", PORT: "1" }),
    ).toEqual({ hostname: "latch.internal", port: 8080 });
  });

  it("refuses a PORT that is not a port number, naming the variable", () => {
    for (const PORT of ["http", "70000", "-1", "30.5", "0x50"]) {
      expect(() => listenAddress({}, { PORT })).toThrow(ConfigError);
      expect(() => listenAddress({}, { PORT })).toThrow(/^PORT must be a port number/);
    }
  });
});
