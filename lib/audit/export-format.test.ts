import { describe, expect, it } from "vitest";
import {
  auditCsvHeader,
  auditExportStream,
  csvField,
  toCsvRow,
  toJsonEvent,
  type AuditEventRecord,
} from "./export-format";

const event: AuditEventRecord = {
  id: "evt_1",
  action: "connection.created",
  actorType: "member",
  actorId: "usr_1",
  actorLabel: "ada@example.com",
  targetType: "connection",
  targetId: "conn_1",
  ip: "203.0.113.7",
  details: '{"outcome":"ok","sites":2}',
  createdAt: new Date("2026-03-01T14:05:09.123Z"),
};

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* batchesOf(...batches: AuditEventRecord[][]) {
  yield* batches;
}

describe("csvField", () => {
  it("leaves plain text alone and writes null as an empty field", () => {
    expect(csvField("connection.created")).toBe("connection.created");
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
  });

  it.for([
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line1\nline2", '"line1\nline2"'],
    ["line1\r\nline2", '"line1\r\nline2"'],
    ['{"a":1,"b":"x"}', '"{""a"":1,""b"":""x""}"'],
  ])("quotes %j as %j", ([value, expected]) => {
    expect(csvField(value)).toBe(expected);
  });

  it.for([
    [
      '=HYPERLINK("http://evil.example","click")',
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    ],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", `"'\r=1"`],
    ["=1+2,3", `"'=1+2,3"`],
  ])("defuses the formula %j as %j", ([value, expected]) => {
    expect(csvField(value)).toBe(expected);
  });

  it("defuses only a leading formula character", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("user-42")).toBe("user-42");
  });
});

describe("toCsvRow", () => {
  it("writes the columns in the header's order, CRLF-terminated", () => {
    expect(auditCsvHeader).toBe(
      "time,action,actor_type,actor,actor_id,target_type,target_id,ip,details\r\n",
    );
    expect(toCsvRow(event)).toBe(
      '2026-03-01T14:05:09.123Z,connection.created,member,ada@example.com,usr_1,connection,conn_1,203.0.113.7,"{""outcome"":""ok"",""sites"":2}"\r\n',
    );
  });

  it("leaves absent actor, target and ip empty, and defuses a hostile label", () => {
    const row = toCsvRow({
      ...event,
      actorType: "end_user",
      actorId: null,
      actorLabel: "=cmd|' /C calc'!A0",
      targetType: null,
      targetId: null,
      ip: null,
      details: "{}",
    });
    expect(row).toBe(
      "2026-03-01T14:05:09.123Z,connection.created,end_user,'=cmd|' /C calc'!A0,,,,,{}\r\n",
    );
  });
});

describe("toJsonEvent", () => {
  it("gives the snake_case shape with details parsed", () => {
    expect(toJsonEvent(event)).toEqual({
      id: "evt_1",
      time: "2026-03-01T14:05:09.123Z",
      action: "connection.created",
      actor: { type: "member", id: "usr_1", label: "ada@example.com" },
      target: { type: "connection", id: "conn_1" },
      ip: "203.0.113.7",
      details: { outcome: "ok", sites: 2 },
    });
  });

  it("gives a null target when the event has none", () => {
    const json = toJsonEvent({ ...event, targetType: null, targetId: null, details: "{}" });
    expect(json.target).toBeNull();
    expect(json.details).toEqual({});
  });

  it("keeps details that are not a JSON object rather than dropping them", () => {
    expect(toJsonEvent({ ...event, details: "not json" }).details).toEqual({ raw: "not json" });
    expect(toJsonEvent({ ...event, details: "[1]" }).details).toEqual({ raw: "[1]" });
  });
});

describe("auditExportStream", () => {
  const second = { ...event, id: "evt_2", action: "connection.revoked" };

  it("streams a header and a row per event as CSV", async () => {
    const text = await readAll(auditExportStream(batchesOf([event], [second]), "csv"));
    expect(text).toBe(auditCsvHeader + toCsvRow(event) + toCsvRow(second));
  });

  it("streams one JSON array across batches", async () => {
    const text = await readAll(auditExportStream(batchesOf([event], [second]), "json"));
    expect(JSON.parse(text)).toEqual([toJsonEvent(event), toJsonEvent(second)]);
  });

  it("streams an empty array or a bare header when nothing matches", async () => {
    expect(JSON.parse(await readAll(auditExportStream(batchesOf(), "json")))).toEqual([]);
    expect(await readAll(auditExportStream(batchesOf(), "csv"))).toBe(auditCsvHeader);
  });

  it("errors the stream and reports it when reading the events fails", async () => {
    const seen: unknown[] = [];
    async function* failing(): AsyncGenerator<AuditEventRecord[]> {
      yield [event];
      throw new Error("database went away");
    }
    await expect(
      readAll(auditExportStream(failing(), "csv", (error) => seen.push(error))),
    ).rejects.toThrow("database went away");
    expect(seen).toHaveLength(1);
  });
});
