import { startFakeAtlassian } from "./server";

// Standalone fake for the e2e suite and manual runs: `tsx testing/fake-atlassian/main.ts`.
const port = Number(process.env.FAKE_ATLASSIAN_PORT ?? 4010);
startFakeAtlassian(port).then((fake) => {
  console.log(`Fake Atlassian listening on ${fake.url}`);
});
