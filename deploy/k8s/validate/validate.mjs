// Validates rendered manifests (`kubectl kustomize <overlay>` on stdin) against the Kubernetes API schemas that
// the npm package kubernetes-models ships, offline: types, enums and required fields of every built-in kind.
// Custom resources (Strimzi, MongoDB Community) have no schema here; KubernetesManifestsTest checks their
// structure. Exit 1 on the first overlay with an invalid or unknown built-in object.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const CUSTOM_GROUPS = new Set(["kafka.strimzi.io", "mongodbcommunity.mongodb.com"]);
// The manifests come on stdin; the only argument names them in messages (e.g. the overlay).
const source = process.argv[2] ?? "<stdin>";
const text = readFileSync(0, "utf8");

let checked = 0;
let custom = 0;
const failures = [];
for (const document of parseAllDocuments(text)) {
  const object = document.toJS();
  if (!object) continue;
  const { apiVersion, kind } = object;
  const name = `${kind}/${object.metadata?.name}`;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["v1", null];
  if (CUSTOM_GROUPS.has(group)) {
    custom++;
    continue;
  }
  const modulePath = version ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/v1/${kind}`;
  let Model;
  try {
    Model = (await import(modulePath))[kind];
  } catch {
    failures.push(`${name}: no schema for ${apiVersion} ${kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    checked++;
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
  }
}
for (const failure of failures) console.error(`INVALID ${source}: ${failure}`);
console.log(`${source}: ${checked} objects valid against the Kubernetes schemas, ${custom} custom resources left to KubernetesManifestsTest, ${failures.length} invalid`);
process.exit(failures.length === 0 ? 0 : 1);
