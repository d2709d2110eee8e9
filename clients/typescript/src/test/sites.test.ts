// Run against a running MissionOps: MISSIONOPS_SITES_URL, MISSIONOPS_TOKEN (a token for the Sites
// service with a role in the mission) and MISSIONOPS_MISSION (missions/minusma by default).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createRegistry } from "@bufbuild/protobuf";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import { setting, sitesClient } from "../client.js";
import { file_missionops_sites_v1_events } from "../gen/missionops/sites/v1/events_pb.js";
import { SiteState } from "../gen/missionops/sites/v1/site_pb.js";

const mission = setting("MISSIONOPS_MISSION", "missions/minusma");
const sites = sitesClient(setting("MISSIONOPS_SITES_URL"), setting("MISSIONOPS_TOKEN"));

test("lists the mission's sites page by page", async () => {
  const names: string[] = [];
  let pageToken = "";
  let pages = 0;
  do {
    const page = await sites.listSites({ parent: mission, pageSize: 3, pageToken });
    for (const site of page.sites) {
      assert.ok(site.name.startsWith(`${mission}/sites/`), site.name);
      assert.ok(site.displayName?.en && site.displayName.fr, `${site.name} has a name in English and French`);
      assert.notEqual(site.state, SiteState.UNSPECIFIED, `${site.name} has a state`);
      names.push(site.name);
    }
    pageToken = page.nextPageToken;
    pages++;
  } while (pageToken !== "");

  assert.ok(pages > 1, `the sites came in ${pages} page(s) of 3`);
  assert.equal(new Set(names).size, names.length, "no site is listed twice across pages");
  console.log(`${names.length} sites in ${pages} pages: ${names.join(", ")}`);
});

test("follows the feed from its start and reads each event as the message of the contract", async () => {
  const registry = createRegistry(file_missionops_sites_v1_events);
  const abort = new AbortController();
  const events: { sequence: bigint; type: string }[] = [];
  for await (const event of sites.watchEvents({ parent: mission, afterSequence: 0n }, { signal: abort.signal })) {
    if (event.payload === undefined) {
      continue; // a heartbeat
    }

    const message = anyUnpack(event.payload, registry);
    assert.ok(message, `${event.payload.typeUrl} is a message of the contract`);
    assert.equal(message.$typeName, event.type);
    events.push({ sequence: event.sequence, type: event.type });
    if (events.length === 10) {
      abort.abort();
      break;
    }
  }

  assert.equal(events.length, 10);
  for (let i = 1; i < events.length; i++) {
    assert.ok(events[i].sequence > events[i - 1].sequence, "sequences only grow");
  }

  console.log(`first events: ${events.map((e) => `${e.sequence} ${e.type.split(".").pop()}`).join(", ")}`);
});
