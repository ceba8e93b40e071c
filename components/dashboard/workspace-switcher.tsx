"use client";

/**
 * The header's workspace switcher: choosing a workspace switches to it at once (the form posts
 * to the server action); without JavaScript a Switch button does it.
 */
export function WorkspaceSwitcher({
  action,
  current,
  workspaces,
}: {
  action: (formData: FormData) => Promise<void>;
  current: string;
  workspaces: { id: string; name: string }[];
}) {
  return (
    <form action={action} className="flex min-w-0 items-center gap-2">
      <label htmlFor="workspace-switch" className="sr-only">
        Workspace
      </label>
      <select
        key={current}
        id="workspace-switch"
        name="workspaceId"
        defaultValue={current}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="max-w-[11rem] min-w-0 truncate rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <noscript>
        <button
          type="submit"
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700"
        >
          Switch
        </button>
      </noscript>
    </form>
  );
}
