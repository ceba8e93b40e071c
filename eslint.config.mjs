import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".e2e/**",
      "public/**",
    ],
  },
];
