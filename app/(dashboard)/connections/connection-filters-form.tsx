import Form from "next/form";
import { FilterSelect } from "@/components/dashboard/filter-select";
import { CONNECTION_STATUSES } from "@/lib/validation/connections-query";
import type { ListFilters } from "./list-pagination";

/**
 * Search and filters. A select applies as soon as it changes; the Search button submits the
 * text (and everything, without JavaScript). Any change starts again at the first page.
 */
export function ConnectionFiltersForm({
  filters,
  offerScopeFilter,
}: {
  filters: ListFilters;
  /** Only a workspace that requires scopes can have connections missing one. */
  offerScopeFilter: boolean;
}) {
  return (
    <Form action="/connections" className="mt-6 flex flex-wrap items-end gap-3" role="search">
      <div>
        <label htmlFor="q" className="block text-sm">
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="End user or site"
          className="mt-1 w-56 max-w-full rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-700"
        />
      </div>
      <FilterSelect
        label="Status"
        name="status"
        value={filters.status}
        submitOnChange
        options={CONNECTION_STATUSES.map((status) => ({ value: status, label: status }))}
      />
      {offerScopeFilter || filters.scopes ? (
        <FilterSelect
          label="Scopes"
          name="scopes"
          value={filters.scopes}
          submitOnChange
          options={[{ value: "missing", label: "Missing a required scope" }]}
        />
      ) : null}
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
      >
        Search
      </button>
    </Form>
  );
}
