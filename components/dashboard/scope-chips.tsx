// Beyond this many, the rest wait behind "+N more", so one credential with every granular scope
// does not make its row a page tall.
const SHOWN = 6;

/**
 * One scope, whole: chips wrap between scopes, and one wider than the column breaks after its
 * `:` or `.`, never inside a word.
 */
function Scope({ scope }: { scope: string }) {
  return (
    <li className="max-w-full rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-words text-slate-700 dark:bg-slate-800 dark:text-slate-200">
      <BreakAtColons text={scope} />
    </li>
  );
}

/** Text that wraps only after a `:` or `.` (not at its hyphens). */
function BreakAtColons({ text }: { text: string }) {
  const parts = text.split(/(?<=[:.])/);
  return parts.map((part, index) => (
    <span key={index} className="whitespace-nowrap">
      {part}
      {index < parts.length - 1 ? <wbr /> : null}
    </span>
  ));
}

/** A connection's scopes as chips that wrap between scopes; what it lacks is named first. */
export function ScopeChips({ scopes, missing }: { scopes: string[]; missing: string[] }) {
  return (
    <div className="space-y-1.5">
      {missing.length ? (
        <p className="text-xs font-medium text-amber-800 dark:text-amber-300">
          Missing {missing.length === 1 ? "scope" : "scopes"}:{" "}
          {missing.map((scope, index) => (
            <span key={scope} className="font-mono">
              <BreakAtColons text={scope} />
              {index < missing.length - 1 ? ", " : null}
            </span>
          ))}
        </p>
      ) : null}
      {scopes.length === 0 ? (
        <span className="text-slate-600 dark:text-slate-400">–</span>
      ) : (
        <ul className="flex flex-wrap gap-1" aria-label="Scopes">
          {scopes.slice(0, SHOWN).map((scope) => (
            <Scope key={scope} scope={scope} />
          ))}
          {scopes.length > SHOWN ? (
            <li className="w-full">
              <details>
                <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">
                  +{scopes.length - SHOWN} more
                </summary>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {scopes.slice(SHOWN).map((scope) => (
                    <Scope key={scope} scope={scope} />
                  ))}
                </ul>
              </details>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
