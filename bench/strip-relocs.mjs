// Drops the linker's relocation sections ("linking", "reloc.*") and the split marker from a
// wasm file, in place. The app's build gets this from wasm-split-cli (scripts/post-build.mjs);
// the Leptos floor (bench/leptos-floor), built with the same `--emit-relocs` flag but never
// split, gets it here, so its size is the code's and not the relocations'.
// Usage: node bench/strip-relocs.mjs <file.wasm>
import { readFileSync, writeFileSync } from "node:fs";

const path = process.argv[2];
const bytes = readFileSync(path);
const readLeb = (at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};
const kept = [bytes.subarray(0, 8)];
for (let at = 8; at < bytes.length; ) {
  const start = at;
  const id = bytes[at];
  const [size, body] = readLeb(at + 1);
  at = body + size;
  if (id === 0) {
    const [nameLength, nameAt] = readLeb(body);
    const name = bytes.subarray(nameAt, nameAt + nameLength).toString();
    if (name === "linking" || name.startsWith("reloc.") || name === "__wasm_split_unstable") continue;
  }
  kept.push(bytes.subarray(start, at));
}
writeFileSync(path, Buffer.concat(kept));
