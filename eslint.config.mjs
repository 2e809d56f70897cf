import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: ["lib/db/generated/**", ".next/**", "data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Domain code runs under route handlers, actions, scripts and tests alike: no Next, no React.
    files: ["lib/**/*.ts"],
    ignores: ["lib/auth/session.ts", "lib/http/api-route.ts", "lib/http/or-not-found.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["next", "next/*", "react", "react-dom", "@/app/*", "@/components/*"], message: "lib/ stays free of Next and React" }],
        },
      ],
    },
  },
  {
    // The edge imports the domain, never the other way round: a domain asks lib/db for transactions and keys and
    // lib/contract for its operations. (Tests of a domain may call it through the edge.)
    files: ["lib/**/*.ts"],
    ignores: ["lib/http/**", "lib/auth/session.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@/app/*", "@/components/*"], message: "lib/ stays free of Next and React" },
            {
              group: ["../http/*", "../../http/*", "@/lib/http/*"],
              message: "Domains do not import the HTTP edge (lib/http): use lib/db and lib/contract",
            },
          ],
        },
      ],
    },
  },
];

export default config;
