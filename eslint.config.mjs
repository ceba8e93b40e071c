import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Playwright and Vitest fixtures call their parameter `use`; it is not React's hook.
    files: ["e2e/**/*.ts", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // The one-way flow (README: Code map): route or action → use case → Atlassian client or
  // database. Each zone names the folder whose files may not import from another.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              // Production code never depends on the pages or components that call it, on the
              // browser suite, or on test infrastructure (tests beside the code may).
              target: "./lib",
              from: ["./app", "./components", "./e2e", "./testing"],
              except: [],
              message: "lib/ is below app/ and components/, and never uses test code.",
            },
            {
              // The upstream client speaks HTTP to Atlassian and nothing else: no database, no
              // use case, so it can be tested and reasoned about alone.
              target: "./lib/atlassian",
              from: [
                "./lib/db",
                "./lib/db.ts",
                "./lib/generated",
                "./lib/connections",
                "./lib/auth",
                "./lib/webhooks",
                "./lib/jobs",
                "./lib/workspaces",
                "./lib/api-keys",
                "./lib/audit",
              ],
              message: "lib/atlassian/ knows no database and no use case.",
            },
            {
              // Components render what they are given; data comes through pages and actions.
              target: "./components",
              from: ["./lib/db", "./lib/db.ts", "./lib/generated"],
              message: "components/ may not read the database: pass data in from a page or action.",
            },
            {
              // Nothing the server runs in production imports test infrastructure.
              target: [
                "./app",
                "./components",
                "./proxy.ts",
                "./server.ts",
                "./instrumentation.ts",
              ],
              from: ["./testing", "./e2e"],
              message: "Production code never imports test infrastructure.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests beside the code use the test infrastructure, by design.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "import/no-restricted-paths": "off" },
  },
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".e2e/**",
      "sdk/node/dist/**",
    ],
  },
];

export default config;
