// A Dockerfile as stages of instructions: enough to check what each build target ends up with.

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string;
  /** The image or earlier stage this one starts from. */
  from: string;
  instructions: Instruction[];
}

/** Joins continuation lines, drops comments and parser directives, splits into stages. */
export function parseDockerfile(source: string): { args: Map<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let pending = '';
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = '';
  }
  if (pending !== '') logical.push(pending.trim());

  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logical.filter((l) => l !== '')) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (match === null) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const rest = match[2] ?? '';
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      stages.push({ name: from?.[2] ?? `stage-${stages.length}`, from: from?.[1] ?? '', instructions: [] });
      continue;
    }
    const current = stages.at(-1);
    if (current === undefined) {
      if (keyword === 'ARG') {
        const [name, value] = rest.split('=', 2);
        if (name !== undefined) args.set(name.trim(), (value ?? '').trim());
      }
      continue;
    }
    current.instructions.push({ keyword, args: rest });
  }
  return { args, stages };
}

/** The stages a target is built from, the target last. */
export function chain(stages: Stage[], target: string): Stage[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const result: Stage[] = [];
  let current = byName.get(target);
  while (current !== undefined) {
    result.unshift(current);
    current = byName.get(current.from);
  }
  return result;
}

/** The last value an instruction takes along a target's chain (USER, HEALTHCHECK, STOPSIGNAL, CMD). */
export function effective(stages: Stage[], target: string, keyword: string): string | undefined {
  let value: string | undefined;
  for (const stage of chain(stages, target)) {
    for (const instruction of stage.instructions) if (instruction.keyword === keyword) value = instruction.args;
  }
  return value;
}

/** The external image a target finally starts from, with build ARGs substituted. */
export function baseImage(stages: Stage[], target: string, args: Map<string, string>): string {
  const first = chain(stages, target)[0];
  if (first === undefined) throw new Error(`no stage ${target}`);
  return first.from.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    return args.get(name) ?? `<unset ${name}>`;
  });
}
