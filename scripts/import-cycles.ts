import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/**
 * Import cycles between the modules of a folder, type-only ones included: `import type`, `export … from`
 * and `import()` all count, because a type-only cycle still ties two modules that should not know each
 * other. Built on the TypeScript compiler already in devDependencies (madge's optional TypeScript peer
 * stops at 5.x, dpdm brings its own TypeScript 5): no other tool to install.
 *
 * `node --import tsx scripts/import-cycles.ts [folder]` prints the cycles of src/ (or the folder) and exits 1
 * when there is one.
 */

const COMPILER_OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: false };

/** Each module of `root` (paths relative to it, with `/`) and the modules of `root` it imports. */
export function importGraph(root: string): Map<string, string[]> {
  const base = resolve(root);
  const files = sourceFiles(base);
  const inside = new Set(files);
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, COMPILER_OPTIONS, host).resolvedModule?.resolvedFileName;
      if (resolved && inside.has(resolve(resolved))) targets.add(key(base, resolve(resolved)));
    }
    graph.set(key(base, file), [...targets].sort());
  }
  return graph;
}

/** One cycle per group of modules that reach each other, as the list of modules walked (first = last). */
export function importCycles(root: string): string[][] {
  return cyclesOf(importGraph(root));
}

/**
 * Cycles between the top folders of `root` (a file directly in `root` stands for itself): `render`
 * importing `rewrite` while `rewrite` imports `render` is a cycle even when no two files close it.
 * `allowed` lists file imports (« rewrite/draft-score.ts -> render/convert-md.ts ») left out, each a
 * known cycle still to break.
 */
export function folderCycles(root: string, allowed: readonly string[] = []): string[][] {
  const skip = new Set(allowed);
  const folders = new Map<string, Set<string>>();
  const folderOf = (file: string) => file.split("/")[0]!;
  for (const [file, targets] of importGraph(root)) {
    const from = folderOf(file);
    const edges = folders.get(from) ?? folders.set(from, new Set()).get(from)!;
    for (const target of targets) {
      if (folderOf(target) !== from && !skip.has(`${file} -> ${target}`)) edges.add(folderOf(target));
    }
  }
  return cyclesOf(new Map([...folders].map(([folder, targets]) => [folder, [...targets].sort()])));
}

function cyclesOf(graph: Map<string, string[]>): string[][] {
  return stronglyConnected(graph)
    .filter((group) => group.length > 1 || graph.get(group[0]!)!.includes(group[0]!))
    .map((group) => cycleThrough(graph, new Set(group), group.sort()[0]!));
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path);
  }
  return files.sort();
}

function key(base: string, file: string): string {
  return relative(base, file).split("\\").join("/");
}

/** Tarjan's algorithm, iterative so that a deep chain of imports cannot overflow the stack. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node)!;
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** The shortest way from `start` back to itself inside its group: what a person reads to break the cycle. */
function cycleThrough(graph: Map<string, string[]>, group: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const target of graph.get(node)!) {
      if (!group.has(target)) continue;
      if (target === start) {
        const walked: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) walked.unshift(at);
        return [start, ...walked, start];
      }
      if (!previous.has(target) && target !== start) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = process.argv[2] ?? "src";
  const files = importCycles(root);
  const folders = folderCycles(root);
  for (const cycle of files) console.log(`modules : ${cycle.join(" → ")}`);
  for (const cycle of folders) console.log(`dossiers : ${cycle.join(" → ")}`);
  console.log(`${files.length} cycle(s) entre modules, ${folders.length} entre dossiers`);
  process.exitCode = files.length + folders.length > 0 ? 1 : 0;
}
