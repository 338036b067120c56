// Terraform files as data: each .tf file parsed with HashiCorp's HCL parser (compiled to WASM in
// @cdktf/hcl2json), so that tests can assert what the configuration says without a terraform binary.
import { parse } from '@cdktf/hcl2json';
import { dirname } from 'node:path';
import { repoSources, type Sources } from './sources.ts';

export type HclValue = string | number | boolean | null | HclValue[] | HclBody;
export interface HclBody {
  [key: string]: HclValue;
}

export interface TerraformFile {
  path: string;
  /** The folder of the file: a module or an environment. */
  dir: string;
  body: HclBody;
}

export interface Block {
  file: string;
  dir: string;
  /** `type.name` for resources and data sources, the label for others. */
  address: string;
  body: HclBody;
}

function isBody(value: HclValue | undefined): value is HclBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function parseTerraformFile(path: string, sources: Sources = repoSources): Promise<TerraformFile> {
  const parsed: unknown = await parse(path, sources.read(path));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path}: parser returned no object`);
  return { path, dir: dirname(path), body: parsed as HclBody };
}

export function terraformFiles(sources: Sources = repoSources): string[] {
  return sources.list('infra', '.tf');
}

export async function loadTerraform(sources: Sources = repoSources): Promise<TerraformFile[]> {
  return Promise.all(terraformFiles(sources).map((path) => parseTerraformFile(path, sources)));
}

/** The single body of a block such as `resource "t" "n" {}` as hcl2json nests it: `{ t: { n: [body] } }`. */
function bodiesOf(value: HclValue | undefined): HclBody[] {
  if (Array.isArray(value)) return value.filter(isBody);
  return isBody(value) ? [value] : [];
}

/** Every `kind` block (resource, data, module, variable, output) in `files`, optionally of one type. */
export function blocks(files: TerraformFile[], kind: string, type?: string): Block[] {
  const found: Block[] = [];
  for (const file of files) {
    const section = file.body[kind];
    if (!isBody(section)) continue;
    const twoLabels = kind === 'resource' || kind === 'data' || kind === 'ephemeral';
    for (const [first, inner] of Object.entries(section)) {
      if (twoLabels) {
        if (type !== undefined && first !== type) continue;
        if (!isBody(inner)) continue;
        for (const [name, value] of Object.entries(inner)) {
          for (const body of bodiesOf(value)) found.push({ file: file.path, dir: file.dir, address: `${first}.${name}`, body });
        }
      } else {
        for (const body of bodiesOf(inner)) found.push({ file: file.path, dir: file.dir, address: first, body });
      }
    }
  }
  return found;
}

/** Nested blocks of a body (`dynamic`, `statement`, `condition` …), always as a list. */
export function nested(body: HclBody, name: string): HclBody[] {
  return bodiesOf(body[name]);
}

export function attribute(body: HclBody, name: string): HclValue | undefined {
  return body[name];
}

/** A string attribute, or a message-bearing failure: tests compare on it. */
export function text(body: HclBody, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/** String items of a list attribute (expressions stay as `${…}` strings). */
export function strings(value: HclValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
}
