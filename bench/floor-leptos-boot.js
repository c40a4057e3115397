// Starts the Leptos floor as Trunk's script starts the app.
import init from "./leptos_floor.js";
await init({ module_or_path: "/leptos-floor/leptos_floor_bg.wasm" });
