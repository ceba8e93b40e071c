import fc from "fast-check";
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

/** Reads CSV as RFC 4180 says (quoted fields, doubled quotes), into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

// What a spreadsheet would run: a piece starting, after blanks and quotes, with a formula
// character, or a cell starting with a tab or carriage return.
const LIVE_FORMULA = /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
const SEPARATORS = /[,;\t|\r\n]/;

/**
 * Every piece a reader could take for a cell, however it splits: the field as written (a reader
 * that ignores quotes), and its RFC 4180 value, each split on every separator a locale may use.
 */
function possibleCells(field: string): string[] {
  const value = parseCsv(`${field}\r\n`)[0]![0]!;
  return [field, value, ...field.split(SEPARATORS), ...value.split(SEPARATORS)];
}

function liveCells(field: string): string[] {
  return possibleCells(field).filter((cell) => LIVE_FORMULA.test(cell));
}

describe("csvField", () => {
  it("quotes every field, null and empty as an empty quoted field", () => {
    expect(csvField("connection.created")).toBe('"connection.created"');
    expect(csvField("user-42")).toBe('"user-42"');
    expect(csvField("a=b")).toBe('"a=b"');
    expect(csvField(null)).toBe('""');
    expect(csvField(undefined)).toBe('""');
    expect(csvField("")).toBe('""');
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
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@SUM(A1:A2)", `"'@SUM(A1:A2)"`],
    ["\tcmd", `"'\tcmd"`],
    ["\r=1", `"'\r'=1"`],
    ["=1+2,3", `"'=1+2,3"`],
    // A later piece, for a spreadsheet splitting on another separator.
    ['x;=HYPERLINK("http://evil.example")', `"x;'=HYPERLINK(""http://evil.example"")"`],
    ["x,=1", `"x,'=1"`],
    ["x\t=1", `"x\t'=1"`],
    ["x|=1", `"x|'=1"`],
    ["x;;@SUM(A1)", `"x;;'@SUM(A1)"`],
    ["x;+1;-2", `"x;'+1;'-2"`],
    // After blanks or quotes an importer may strip.
    [" =1", `"' =1"`],
    ["\u00a0\u3000=1", `"'\u00a0\u3000=1"`],
    ['x; "=1"', `"x;' ""=1"""`],
    ['"=1"', `"'""=1"""`],
    // Full-width forms, which some spreadsheets fold to ASCII.
    ["\uff1d1+1", `"'\uff1d1+1"`],
    ["x;\uff0b1", `"x;'\uff0b1"`],
    ["x;\uff0d1", `"x;'\uff0d1"`],
    ["x;\uff20SUM(A1)", `"x;'\uff20SUM(A1)"`],
    // A line break inside a value, for a reader that ignores quotes.
    ["note\n=1+1", `"note\n'=1+1"`],
    ["note\r\n=1+1", `"note\r\n'=1+1"`],
    ["\t=1", `"'\t'=1"`],
  ])("defuses the formula in %j as %j", ([value, expected]) => {
    expect(csvField(value)).toBe(expected);
    expect(liveCells(expected!)).toEqual([]);
  });

  it("leaves no live formula in any piece of any value, and changes nothing but added quotes", () => {
    const risky = fc.constantFrom(..."=+-@\uff1d\uff0b\uff0d\uff20,;|\t\r\n \"'\u00a0x1");
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: risky }),
      fc.string({ unit: "grapheme" }),
    );
    fc.assert(
      fc.property(value, (text) => {
        const field = csvField(text);
        expect(liveCells(field)).toEqual([]);
        expect(field.startsWith('"') && field.endsWith('"')).toBe(true);
        const read = parseCsv(`${field}\r\n`);
        expect(read).toHaveLength(1);
        expect(read[0]).toHaveLength(1);
        // Only `'` marks were added.
        expect(read[0]![0]!.replaceAll("'", "")).toBe(text.replaceAll("'", ""));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("toCsvRow", () => {
  it("writes the columns in the header's order, every field quoted, CRLF-terminated", () => {
    expect(auditCsvHeader).toBe(
      '"time","action","actor_type","actor","actor_id","target_type","target_id","ip","details"\r\n',
    );
    expect(toCsvRow(event)).toBe(
      '"2026-03-01T14:05:09.123Z","connection.created","member","ada@example.com","usr_1","connection","conn_1","203.0.113.7","{""outcome"":""ok"",""sites"":2}"\r\n',
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
      `"2026-03-01T14:05:09.123Z","connection.created","end_user","'=cmd|' /C calc'!A0","","","","","{}"\r\n`,
    );
  });

  it("reads back as one row of the recorded values, with a hostile value in every column", () => {
    const hostile = 'x;=HYPERLINK("http://evil.example","click")\n@SUM(1)';
    const defused = `x;'=HYPERLINK("http://evil.example","click")\n'@SUM(1)`;
    const row = toCsvRow({
      ...event,
      action: hostile,
      actorType: hostile,
      actorId: hostile,
      actorLabel: hostile,
      targetType: hostile,
      targetId: hostile,
      ip: hostile,
      details: JSON.stringify({ note: hostile }),
    });
    const [cells, ...rest] = parseCsv(row);
    expect(rest).toEqual([]);
    expect(cells).toEqual([
      "2026-03-01T14:05:09.123Z",
      ...Array.from({ length: 7 }, () => defused),
      `{"note":"x;'=HYPERLINK(\\"http://evil.example\\",\\"click\\")\\n@SUM(1)"}`,
    ]);
    for (const line of row.split(/\r\n|\n|\r/)) {
      expect(line.split(SEPARATORS).filter((piece) => LIVE_FORMULA.test(piece))).toEqual([]);
    }
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
