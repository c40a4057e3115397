//! PLA Workshop: participatory learning and action exercises on a projector.
//!
//! `model`, `storage` and `export` are plain Rust, tested natively. `ui` is the Leptos app and
//! exists only in the browser build.

pub mod export;
pub mod model;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
