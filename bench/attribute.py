#!/usr/bin/env python3
"""Where the wasm's bytes go, by crate and by the app's own rooms.

Reads `twiggy top -n 1000000 --format csv` of the release wasm *before* wasm-bindgen and
wasm-opt (target/wasm32-unknown-unknown/release/pla-workshop.wasm, which keeps every
function's name) and sums each function's own bytes by where its name says it comes from.
The names and wasm-bindgen's custom section are left out (neither reaches the browser), and
so is the data segment (constant data, not attributable by name). Shares, not final bytes:
wasm-opt shrinks every part afterwards.

Usage: python3 bench/attribute.py /tmp/twiggy.csv
"""
import csv
import re
import sys
from collections import defaultdict

LEPTOS = {"tachys", "leptos", "leptos_dom", "reactive_graph", "any_spawner", "leptos_macro",
          "throw_error", "or_poisoned", "oco_ref", "leptos_server", "server_fn", "hydration_context",
          "send_wrapper", "guardian", "either_of", "slotmap", "next_tuple", "leptos_config",
          "futures_util", "futures_channel", "futures_executor", "futures_core", "pin_project_lite",
          "const_str_slice_concat", "rustc_hash", "indexmap", "paste", "drain_filter_polyfill"}
BROWSER = {"wasm_bindgen", "js_sys", "web_sys", "wasm_bindgen_futures", "gloo_storage",
           "gloo_utils", "console_error_panic_hook"}
ZIP = {"zip", "flate2", "miniz_oxide", "crc32fast", "adler2", "simd_adler32", "constant_time_eq",
       "getrandom", "memchr"}
STD = {"core", "alloc", "std", "dlmalloc", "hashbrown", "compiler_builtins", "__rustc"}


def crate_of(name: str) -> str:
    """The crate (or, for the app, the room) a function's name says it belongs to."""
    name = re.sub(r"\[[0-9a-f]+\]", "", name)
    serde_impl = re.search(r"<impl serde(_core)?::(ser::Serialize|de::Deserialize)", name) or \
        "serde::de::" in name or "serde_core::de::" in name or "_::<impl serde" in name
    if serde_impl and name.lstrip("<").startswith("pla_workshop"):
        return "serde derive (the app's types)"
    # Mangling leaves `core[5930c85a]::…`; `&mut T`, `dyn T` and `*const T` name the T.
    path = re.sub(r"\[[0-9a-f]+\]", "", name)
    path = re.sub(r"^(?:[<&* ]|mut |dyn |const )+", "", path)
    # `<F as tachys::…>::invoke`: a generic type's impl of a crate's trait counts for the trait.
    match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(?: as |::)", path)
    head = match.group(1) if match else path.split("::")[0]
    if head in {"F", "T", "V", "S", "A", "R", "E", "I", "K", "Fut", "Func", "View"} or len(head) == 1:
        trait = re.search(r" as ([A-Za-z_][A-Za-z0-9_]*)::", path)
        head = trait.group(1) if trait else head
    if head == "pla_workshop":
        parts = path.split("::")
        room = parts[1] if len(parts) > 1 else ""
        if room == "export":
            return "app: export (" + (parts[2] if len(parts) > 2 else "") + ")"
        return "app: " + room
    if head in LEPTOS:
        return "Leptos (tachys, reactive_graph, …)"
    if head in BROWSER:
        return "wasm-bindgen, js-sys, web-sys, gloo"
    if head in ZIP:
        return "zip, flate2, miniz_oxide, crc32fast"
    if head in {"f64", "f32", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32",
                "i64", "i128", "isize", "char", "str", "bool", "[T]", "T"} or head.endswith(">"):
        return "std formatting (core::fmt)" if "fmt::" in path else "std, core, alloc (not formatting)"
    if head.startswith("(") and " as " in path:
        trait = re.search(r" as ([A-Za-z_][A-Za-z0-9_]*)::", path)
        head = trait.group(1) if trait else head
        if head in LEPTOS:
            return "Leptos (tachys, reactive_graph, …)"
    if head in {"serde", "serde_core", "serde_json", "ryu", "itoa", "zmij"}:
        return "serde, serde_json (runtime)"
    if head in {"csv", "csv_core"}:
        return "csv"
    if head == "uuid":
        return "uuid"
    if head == "core" and "::fmt" in path:
        return "std formatting (core::fmt)"
    if head in STD:
        return "std, core, alloc (not formatting)"
    return "other: " + head


def main(path: str) -> None:
    totals = defaultdict(int)
    left_out = {"names", "wasm_bindgen_unstable", "data"}
    for row in csv.DictReader(open(path)):
        name, size = row["Name"], int(row["ShallowSize"])
        if "function names" in name or "subsection" in name:
            continue
        if "custom section" in name:
            continue
        if name.startswith("data segment") or name.startswith("data["):
            continue
        if name.startswith("Σ") or name.startswith("..."):
            continue
        # wasm-bindgen runs its describe functions at build time and removes them, with the
        # exports and imports that name them.
        if "__wbindgen_describe" in name or name.startswith(("export ", "import ", "elem")):
            continue
        totals[crate_of(name)] += size
    code = sum(totals.values())
    print(f"| where | bytes of code (before wasm-opt) | share |")
    print("|---|---|---|")
    others = 0
    for where, size in sorted(totals.items(), key=lambda kv: -kv[1]):
        if size / code < 0.005:
            others += size
            continue
        print(f"| {where} | {size:,} | {100 * size / code:.1f} % |")
    print(f"| everything under 0.5 % each | {others:,} | {100 * others / code:.1f} % |")
    if "--all" in sys.argv:
        for where, size in sorted(totals.items(), key=lambda kv: -kv[1]):
            if size / code < 0.005:
                print(f"|   {where} | {size:,} | {100 * size / code:.2f} % |")
    print(f"| **all code** | **{code:,}** | 100 % |")
    _ = left_out


if __name__ == "__main__":
    main(sys.argv[1])
