import type { Metadata } from "next";
import {
  buildOpenApiDocument,
  HTTP_METHODS,
  type HttpMethod,
  type JsonSchema,
  type OpenApiOperation,
} from "@/lib/api/openapi";
import { jsonSchemaOf, openApiSettings } from "@/lib/api/openapi-settings";
import { schemaFields, schemaNotes, typeLabel, type SchemaField } from "@/lib/api/schema-fields";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "API" };
// The document names this instance's PUBLIC_URL, known at run time only.
export const dynamic = "force-dynamic";

const METHOD_STYLES: Record<HttpMethod, string> = {
  get: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  post: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  delete: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

type Operation = OpenApiOperation & { method: HttpMethod; path: string };

/** The tenant API, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default function ApiDocsPage() {
  const document = buildOpenApiDocument(openApiSettings(getEnv()));
  const schemas = document.components.schemas;
  const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ ...item[method], method, path }] : [])),
  );

  return (
    // Paths like /api/v1/connections/{id}/proxy/{product}/{path} break anywhere on a phone.
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-10 [overflow-wrap:anywhere]">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">{document.info.title}</h1>
        <p>{document.info.description}</p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Base URL</dt>
          <dd className="font-mono">{document.servers[0]?.url}</dd>
          <dt className="font-medium">Authentication</dt>
          <dd>
            <code className="font-mono">Authorization: Bearer latch_sk_…</code>, with an API key
            from the dashboard settings.
          </dd>
          <dt className="font-medium">Errors</dt>
          <dd>
            <code className="font-mono">{'{"error":{"code","message"}}'}</code> with a fitting 4xx
            or 5xx status; another workspace&apos;s id answers 404.
          </dd>
          <dt className="font-medium">OpenAPI</dt>
          <dd>
            <a href="/api/v1/openapi.json" className="underline">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI {document.openapi})
          </dd>
        </dl>
        <nav aria-label="Operations">
          <ul className="mt-4 space-y-1 text-sm">
            {operations.map((operation) => (
              <li key={operation.operationId}>
                <a href={`#${operation.operationId}`} className="hover:underline">
                  <MethodBadge method={operation.method} />{" "}
                  <span className="font-mono">{operation.path}</span> · {operation.summary}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      {operations.map((operation) => (
        <OperationSection key={operation.operationId} operation={operation} schemas={schemas} />
      ))}

      <section aria-labelledby="schemas" className="space-y-6">
        <h2 id="schemas" className="text-2xl font-semibold">
          Schemas
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <div key={name} id={`schema-${name}`} className="space-y-2">
            <h3 className="font-mono text-lg font-semibold">{name}</h3>
            <FieldTable fields={schemaFields(schema, schemas)} />
          </div>
        ))}
      </section>
    </main>
  );
}

function OperationSection({
  operation,
  schemas,
}: {
  operation: Operation;
  schemas: Record<string, JsonSchema>;
}) {
  const body = jsonSchemaOf(operation.requestBody?.content);
  return (
    <section
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <h2 id={`${operation.operationId}-title`} className="text-xl font-semibold">
          {operation.summary}
        </h2>
        <p className="mt-1 flex flex-wrap items-center gap-2">
          <MethodBadge method={operation.method} />
          <code className="font-mono text-sm">{operation.path}</code>
          {operation.security?.length === 0 ? (
            <span className="text-xs text-slate-600 dark:text-slate-400">no API key needed</span>
          ) : null}
        </p>
        {operation.description ? <p className="mt-2 text-sm">{operation.description}</p> : null}
      </div>

      {operation.parameters?.length ? (
        <div>
          <h3 className="text-sm font-semibold">Parameters</h3>
          <FieldTable
            nameHeading="Parameter"
            fields={operation.parameters.map((parameter) => ({
              name: parameter.name,
              type: `${typeLabel(parameter.schema)} (${parameter.in})`,
              required: parameter.required,
              description: parameter.description,
              notes: schemaNotes(parameter.schema),
            }))}
          />
        </div>
      ) : null}

      {body ? (
        <div>
          <h3 className="text-sm font-semibold">Request body (JSON)</h3>
          <FieldTable fields={schemaFields(body, schemas)} />
        </div>
      ) : null}

      <div>
        <h3 className="text-sm font-semibold">Responses</h3>
        <ul className="mt-2 space-y-1 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => {
            const schema = jsonSchemaOf(response.content);
            return (
              <li key={status}>
                <span className="font-mono font-semibold">{status}</span>{" "}
                {schema ? <SchemaLink schema={schema} /> : null} {response.description}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

function FieldTable({
  fields,
  nameHeading = "Field",
}: {
  fields: SchemaField[];
  nameHeading?: string;
}) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
          <tr>
            {[nameHeading, "Type", "Required", "Description"].map((heading) => (
              <th key={heading} scope="col" className="py-1 pr-4 font-medium">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top dark:divide-slate-800">
          {fields.map((field) => (
            <tr key={field.name}>
              <td className="py-1.5 pr-4 font-mono text-xs whitespace-nowrap">{field.name}</td>
              <td className="py-1.5 pr-4 font-mono text-xs">
                {field.ref ? (
                  <a href={`#schema-${field.ref}`} className="underline">
                    {field.type}
                  </a>
                ) : (
                  field.type
                )}
              </td>
              <td className="py-1.5 pr-4 text-xs">{field.required ? "yes" : "no"}</td>
              <td className="py-1.5 text-xs">
                {field.description}
                {field.notes.length ? (
                  <span className="text-slate-600 dark:text-slate-400">
                    {field.description ? " " : ""}({field.notes.join(", ")})
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SchemaLink({ schema }: { schema: JsonSchema }) {
  const label = typeLabel(schema);
  return schema.$ref ? (
    <a href={`#schema-${label}`} className="font-mono underline">
      {label}
    </a>
  ) : (
    <span className="font-mono">{label}</span>
  );
}

function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span
      className={`inline-block w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase ${METHOD_STYLES[method]}`}
    >
      {method}
    </span>
  );
}
