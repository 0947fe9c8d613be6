// ajv, the usual JavaScript validator, as a fourth engine of the differential
// (beside python-jsonschema, jsonschema-rs and the pydantic models):
//
// 1. both schema files compile in strict mode (`strict: true`: no unknown keyword or
//    format, every type-specific keyword with its `type`, no union types, every
//    `required` name declared, tuples complete);
// 2. every example document and every valid fixture is accepted, every invalid
//    fixture rejected.
//
// No `ajv-formats`: the schema uses no `format` (validators read formats
// differently, and most do not assert them), so strict mode rejects any `format`
// that creeps in; adding one is a decision to take with a format plugin here.
//
// Usage: node tools/js/ajv-check.mjs [--json]
// Exit: 0 every verdict as expected, 1 a document got the wrong verdict, 2 a schema
// did not compile or a file could not be read. --json prints the whole report
// (tests/schema/test_ajv.py reads it) instead of the list of problems.

import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import { SCHEMA_FILES, allDocuments, readSchema, schemaFor } from "./documents.mjs";

const require = createRequire(import.meta.url);
const AJV_VERSION = require("ajv/package.json").version;
export const AJV_OPTIONS = { strict: true, allErrors: true };

function compileAll() {
  const validators = {};
  const compileErrors = {};
  for (const name of SCHEMA_FILES) {
    try {
      validators[name] = new Ajv2020(AJV_OPTIONS).compile(readSchema(name));
      compileErrors[name] = null;
    } catch (error) {
      compileErrors[name] = String(error.message ?? error);
    }
  }
  return { validators, compileErrors };
}

function check() {
  const { validators, compileErrors } = compileAll();
  const report = { ajv: AJV_VERSION, options: AJV_OPTIONS, compileErrors, documents: [] };
  if (Object.values(compileErrors).some((error) => error !== null)) return report;
  for (const { file, line, expect, data } of allDocuments()) {
    const schema = schemaFor(data);
    const validate = validators[schema];
    const valid = validate(data);
    const errors = (validate.errors ?? []).map(
      ({ keyword, instancePath, schemaPath, message }) => ({
        keyword,
        instancePath,
        schemaPath,
        message,
      }),
    );
    report.documents.push({ file, line, expect, schema, valid, errors });
  }
  return report;
}

function main() {
  let report;
  try {
    report = check();
  } catch (error) {
    console.error(`ajv-check: could not run: ${error.message ?? error}`);
    return 2;
  }
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  }
  let status = 0;
  for (const [name, error] of Object.entries(report.compileErrors)) {
    if (error !== null) {
      console.error(`schema/${name}: ajv ${AJV_VERSION} strict mode does not compile it: ${error}`);
      status = 2;
    }
  }
  if (status) return status;
  for (const doc of report.documents) {
    const where = doc.line === null ? doc.file : `${doc.file}:${doc.line}`;
    if (doc.valid && doc.expect === "invalid") {
      console.error(`${where}: accepted by ajv, but it is an invalid fixture`);
      status = 1;
    } else if (!doc.valid && doc.expect === "valid") {
      for (const error of doc.errors) {
        console.error(`${where}: ${error.instancePath || "/"}: ${error.keyword}: ${error.message}`);
      }
      status = 1;
    }
  }
  if (!process.argv.includes("--json")) {
    const count = report.documents.length;
    console.log(
      status === 0
        ? `ajv ${AJV_VERSION} (strict): ${SCHEMA_FILES.join(", ")} compile; ${count} documents get the expected verdict`
        : "ajv: some documents did not get the expected verdict (above)",
    );
  }
  return status;
}

process.exitCode = main();
