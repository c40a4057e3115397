//! Code loaded on demand (issue #17). The first load carries the shell, the list of workshops
//! and what reads and saves workshops. The rest is in three wasm modules, each fetched the
//! first time it is asked for:
//! - `pages`: a workshop's page with its running order, and the lists of keys;
//! - `files`: the report, the copies for publication, Export everything with every exporter
//!   and the zip writer, and the import checks;
//! - `editors`: the four exercises' editors, with their Export menus.
//!
//! Code that two of them need, and the first load does not, is a smaller file fetched with
//! whichever comes first. After the first visit the service worker holds every file, so this
//! works with no network.
//!
//! A few modules, not one per screen: wasm-split-cli gives each set of entry points that
//! share code a file of its own, and with one entry point per screen a workshop's page needed
//! 31 files (measured 2026-12-07), each fetched and started on its own.
//!
//! The browser build (`--features split`, set in index.html) marks each entry point with
//! `wasm_split` (what Leptos's `#[lazy]` is made of, with the module named), and
//! `scripts/post-build.mjs` cuts the wasm at those points with `wasm-split-cli`. Builds
//! without the feature (native, wasm-bindgen-test, clippy) get the same `async fn`, calling
//! the code directly, so every caller is written once.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// Defines an entry point to code loaded on demand, in the module named first (`pages`,
/// `files` or `editors`): a function, or an `async` one, that callers `.await`. Its arguments and
/// result must be plain owned values (no generics, no references): the call crosses from one
/// wasm module into another.
macro_rules! on_demand {
    ($module:ident => $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
    // A split function cannot be `async` itself: it hands back its future, which the caller's
    // side awaits (as Leptos's `#[lazy]` does).
    ($module:ident => $(#[$meta:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            return_wrapper(let future = _; { future.await } -> $ret)
        )]
        $vis fn $name($($arg: $ty),*) -> ::std::pin::Pin<Box<dyn ::std::future::Future<Output = $ret>>> {
            Box::pin(async move $body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use on_demand;

/// Shows the view `load` gives once its module is here. A module already loaded gives it at
/// once, so the screen is drawn in the same turn, as if it had never been split. Otherwise
/// the place holds only a status the screen reader hears (a few milliseconds from the
/// service worker's cache, so nothing flashes on the projector), and the view comes when the
/// module does.
///
/// The view is made under the owner this is called in, as a component's would be, so it is
/// disposed with the screen; leaving before the module arrives cancels the wait.
pub fn screen(load: impl Future<Output = AnyView> + 'static) -> AnyView {
    let mut load = Box::pin(ScopedFuture::new_untracked(load));
    if let Poll::Ready(view) = load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return view;
    }
    let arrived = RwSignal::new(false);
    let view = StoredValue::new_local(None::<AnyView>);
    let loading = Loading::start();
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        view.set_value(Some(load.await));
        arrived.set(true);
        // Arrived, or cancelled with the screen: either way it is no longer awaited.
        drop(loading);
    });
    (move || {
        if arrived.get() {
            view.try_update_value(Option::take).flatten()
        } else {
            Some(
                view! { <p class="visually-hidden on-demand-loading" role="status">"Loading…"</p> }
                    .into_any(),
            )
        }
    })
    .into_any()
}

thread_local! {
    /// How many screens are waiting for their module.
    static LOADING: Cell<usize> = const { Cell::new(0) };
    /// What waits for them (`when_loaded`).
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` now, or, while a screen is waiting for its module, once every such screen is
/// drawn. Giving a control the keyboard goes through this, so a control on a screen that
/// arrives a moment later still gets it.
pub fn when_loaded(work: impl FnOnce() + 'static) {
    if LOADING.get() == 0 {
        work();
    } else {
        WAITING.with_borrow_mut(|waiting| waiting.push(Box::new(work)));
    }
}

/// One screen waiting for its module, from the call until its view is in place or the
/// screen is gone.
struct Loading;

impl Loading {
    fn start() -> Self {
        LOADING.set(LOADING.get() + 1);
        Loading
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        LOADING.set(LOADING.get().saturating_sub(1));
        if LOADING.get() == 0 {
            let waiting = WAITING.take();
            if !waiting.is_empty() {
                // After the frame that draws the view that arrived.
                super::focus::on_next_frame(move || waiting.into_iter().for_each(|work| work()));
            }
        }
    }
}
