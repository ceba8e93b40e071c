import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../../db";
import { getDb } from "../../db";
import { newId, sha256 } from "../../ids";

export const RECOVERY_CODE_COUNT = 10;

// Crockford's base32: no i, l, o or u, so a code read off paper is typed back right.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LOOKALIKES: Record<string, string> = { i: "1", l: "1", o: "0" };

type Writer = Pick<Db, "recoveryCode">;

/** `xxxx-xxxx`: 40 random bits, plenty for a single-use code behind a rate limit. */
function newRecoveryCode(): string {
  const bytes = randomBytes(8);
  // 256 is a multiple of 32, so taking the low five bits keeps every symbol equally likely.
  const symbols = [...bytes].map((byte) => ALPHABET[byte & 31]).join("");
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** What a typed code is compared as: case, spaces, hyphens and look-alike letters ignored. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/[ilo]/g, (letter) => LOOKALIKES[letter]!);
  return /^[0-9a-hjkmnp-tv-z]{8}$/.test(code) ? code : null;
}

/** Only this is stored. The user id is mixed in so one table of guesses fits one user only. */
function hashRecoveryCode(userId: string, normalised: string): string {
  return sha256(`latch-recovery-code\0${userId}\0${normalised}`);
}

/** Replaces the user's recovery codes with fresh ones, returned once and never kept. */
export async function issueRecoveryCodes(db: Writer, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({
    data: codes.map((code) => ({
      id: newId("rc"),
      userId,
      codeHash: hashRecoveryCode(userId, normaliseRecoveryCode(code)!),
    })),
  });
  return codes;
}

/**
 * Spends a recovery code. One conditional update marks it used only while it is unused, so of
 * two requests racing with the same code exactly one succeeds.
 */
export async function redeemRecoveryCode(userId: string, input: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(input);
  if (!normalised) return false;
  const { count } = await getDb().recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(userId, normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return getDb().recoveryCode.count({ where: { userId, usedAt: null } });
}
