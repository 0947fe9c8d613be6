// The documents the JavaScript checks read: every example file (JSON, JSON Lines,
// YAML) and every schema fixture, each with the verdict it must get. One place, so
// that ajv and TypeScript check the same documents; tests/schema/_node.py lists the
// same files from Python and checks that none was missed.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCHEMA_FILES = ["dataset.schema.json", "record.schema.json"];

const EXTENSIONS = new Set([".json", ".jsonl", ".yaml", ".yml"]);

/** The files under a folder, sorted, whose extension is a dipos document's. */
function filesUnder(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (EXTENSIONS.has(extname(entry.name))) found.push(path);
  }
  return found.sort();
}

/** The documents of one file: one per line for JSON Lines (blank lines skipped). */
function documentsOf(path) {
  const text = readFileSync(path, "utf8");
  const extension = extname(path);
  if (extension === ".jsonl") {
    return text
      .split("\n")
      .map((line, index) => ({ line: index + 1, text: line }))
      .filter(({ text: line }) => line.trim() !== "")
      .map(({ line, text: lineText }) => ({ line, data: JSON.parse(lineText) }));
  }
  if (extension === ".yaml" || extension === ".yml") {
    // YAML 1.2 core schema (the `yaml` package's default): like PyYAML's safe_load for
    // dipos files, whose dates are quoted strings.
    return [{ line: null, data: YAML.parse(text) }];
  }
  return [{ line: null, data: JSON.parse(text) }];
}

/** The schema a document is checked against: a dataset, or any single record. */
export function schemaFor(data) {
  const isDataset = data !== null && typeof data === "object" && data.type === "dataset";
  return isDataset ? "dataset.schema.json" : "record.schema.json";
}

/**
 * Every document to check, as {file, line, expect, data}: `file` relative to the
 * repository, `line` the JSON Lines line (null for a whole file), `expect` "valid" or
 * "invalid".
 */
export function allDocuments() {
  const sets = [
    ["examples", "valid"],
    [join("tests", "fixtures", "schema", "valid"), "valid"],
    [join("tests", "fixtures", "schema", "invalid"), "invalid"],
  ];
  const documents = [];
  for (const [folder, expect] of sets) {
    for (const path of filesUnder(join(REPO_ROOT, folder))) {
      const file = relative(REPO_ROOT, path).split("\\").join("/");
      // The fixture folders hold one JSON document per file; EXPECTED.yaml is not one.
      if (folder !== "examples" && extname(path) !== ".json") continue;
      for (const { line, data } of documentsOf(path)) {
        documents.push({ file, line, expect, data });
      }
    }
  }
  return documents;
}

/** A committed schema file, parsed. */
export function readSchema(name) {
  return JSON.parse(readFileSync(join(REPO_ROOT, "schema", name), "utf8"));
}
